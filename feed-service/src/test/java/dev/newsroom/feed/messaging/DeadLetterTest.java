package dev.newsroom.feed.messaging;

import static dev.newsroom.feed.support.Feeds.section;
import static dev.newsroom.feed.support.Feeds.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.Topics;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.UpstreamEvents;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.TestAsset;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.PrometheusText;
import dev.newsroom.testsupport.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

/** Events that cannot be understood land on the dead-letter topic with their reason; the rest keep flowing. */
@QuarkusTest
class DeadLetterTest extends FeedServiceTest {

    @Test
    void poisonArticleEventsAreDeadLetteredWithTheirReasonAndTheNextOneIsConsumed() {
        double before = deadLetters("newsroom.articles");
        String badJson = UUID.randomUUID().toString();
        String unknownType = UUID.randomUUID().toString();
        String noType = UUID.randomUUID().toString();
        String missingFields = UUID.randomUUID().toString();
        String wrongKey = UUID.randomUUID().toString();
        newsroom.raw(Topics.ARTICLES, badJson, "newsroom.article.published", "{not json");
        newsroom.raw(Topics.ARTICLES, unknownType, "newsroom.article.exploded",
                UpstreamEvents.json(TestArticle.headlined("Unknown type").snapshot()));
        newsroom.raw(Topics.ARTICLES, noType, null, UpstreamEvents.json(TestArticle.headlined("No type").snapshot()));
        newsroom.raw(Topics.ARTICLES, missingFields, "newsroom.article.published",
                "{\"id\":\"" + missingFields + "\",\"revision\":1}");
        newsroom.raw(Topics.ARTICLES, wrongKey, "newsroom.article.published",
                UpstreamEvents.json(TestArticle.headlined("Filed under another key").snapshot()));
        TestArticle good = TestArticle.headlined("After the poison").section("after-poison");
        newsroom.published(good);

        await().atMost(WAIT).untilAsserted(() ->
                assertThat(text(section("after-poison", "atom.xml"))).contains(good.headline()));
        try (TopicReader dlq = new TopicReader(Infrastructure.shared().bootstrapServers(),
                Topics.ARTICLES_DEAD_LETTER)) {
            assertThat(reason(dlq, badJson)).contains("not a valid ArticleSnapshot");
            assertThat(reason(dlq, unknownType)).contains("unknown article event type: newsroom.article.exploded");
            assertThat(reason(dlq, noType)).contains("no ce_type header");
            assertThat(reason(dlq, missingFields)).contains("lacks slug, section or headline");
            assertThat(reason(dlq, wrongKey)).contains("is not the id of its data");
            ConsumerRecord<String, String> letter = dlq.awaitRecords(badJson, 1, WAIT).get(0);
            assertThat(letter.value()).isEqualTo("{not json");
            assertThat(header(letter, "dead-letter-topic")).isEqualTo(Topics.ARTICLES);
            assertThat(header(letter, "dead-letter-offset")).matches("\\d+");
            assertThat(header(letter, "ce_type")).isEqualTo("newsroom.article.published");
        }
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(deadLetters("newsroom.articles")).isGreaterThanOrEqualTo(before + 5));
    }

    @Test
    void poisonMediaEventsGoToTheMediaDeadLetterTopic() {
        String bad = UUID.randomUUID().toString();
        newsroom.raw(Topics.MEDIA, bad, "newsroom.media.updated", "{\"id\":\"" + bad + "\",\"revision\":\"x\"}");
        TestAsset photo = new TestAsset("Flowing again", "Credit");
        newsroom.asset(photo, "newsroom.media.created");
        TestArticle article = TestArticle.headlined("Photo after poison").section("media-poison")
                .leadImage(photo.id(), null, null);
        newsroom.published(article);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(text(section("media-poison", "rss.xml"))).contains("Flowing again"));
        try (TopicReader dlq = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.MEDIA_DEAD_LETTER)) {
            assertThat(reason(dlq, bad)).contains("not a valid MediaAssetSnapshot");
        }
    }

    private static String reason(TopicReader dlq, String key) {
        return header(dlq.awaitRecords(key, 1, WAIT).get(0), "dead-letter-reason");
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static double deadLetters(String topic) {
        // parsed, not split on spaces: while tracing is on a sample may carry an exemplar after its value
        return PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract().asString())
                .sum("newsroom_feed_dead_letters_total", "topic", topic);
    }
}
