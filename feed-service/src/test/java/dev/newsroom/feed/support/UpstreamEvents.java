package dev.newsroom.feed.support;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.CloudEventSender;
import dev.newsroom.testsupport.Infrastructure;

/**
 * Puts events on the real broker as article-service and media-service would. Everything goes to partition 0, so a
 * test knows the order the consumer sees, and {@link #marker} tells it when everything before has been consumed.
 */
public final class UpstreamEvents implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private static UpstreamEvents shared;

    private final CloudEventSender sender = new CloudEventSender(Infrastructure.shared().bootstrapServers());

    /** One producer for all the test classes of a test application, closed when the JVM exits. */
    public static synchronized UpstreamEvents shared() {
        if (shared == null) {
            shared = new UpstreamEvents();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "upstream-events-close"));
        }
        return shared;
    }

    public void published(TestArticle article) {
        article(article, "newsroom.article.published");
    }

    public void updated(TestArticle article) {
        article(article, "newsroom.article.updated");
    }

    public void unpublished(TestArticle article) {
        article(article.status("UNPUBLISHED"), "newsroom.article.unpublished");
    }

    public void article(TestArticle article, String type) {
        sender.sendToPartition(Topics.ARTICLES, 0, article.id().toString(), type, json(article.snapshot()));
    }

    public void asset(TestAsset asset, String type) {
        sender.sendToPartition(Topics.MEDIA, 0, asset.id().toString(), type, json(asset.snapshot()));
    }

    /** Anything at all on a topic's partition 0: for events that are wrong on purpose. */
    public void raw(String topic, String key, String type, String value) {
        sender.sendToPartition(topic, 0, key, type, value);
    }

    /**
     * Publishes a marker article in section "markers" after everything sent so far; once it shows in that
     * section's feed, every earlier article event has been consumed.
     */
    public String marker() {
        TestArticle marker = TestArticle.headlined("Marker " + UUID.randomUUID()).section("markers").tags();
        published(marker);
        return marker.headline();
    }

    public static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        sender.close();
    }
}
