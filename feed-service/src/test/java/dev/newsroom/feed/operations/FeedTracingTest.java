package dev.newsroom.feed.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.newsroom.events.Topics;
import dev.newsroom.feed.support.Database;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.UpstreamEvents;
import dev.newsroom.testsupport.Infrastructure;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * An event's trace goes on in feed-service: the connector's receive span continues the producer's traceparent, and
 * inside it the batch's apply span holds the read-model write and the cache drop, so an operator sees where the time
 * from publish to visible goes. The change notice to the other replicas carries the trace on, so their cache drops
 * show in it too.
 */
@QuarkusTest
class FeedTracingTest extends FeedServiceTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theReadModelWriteAndTheCacheDropAreSpansOfTheEventsTrace() throws Exception {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String producerSpan = trace.substring(0, 16);
        TestArticle article = TestArticle.headlined("Traced through the feeds " + trace.substring(0, 8));
        Infrastructure infrastructure = Infrastructure.shared();
        try (Connection otherReplica = DriverManager.getConnection(infrastructure.jdbcUrl(),
                infrastructure.username(), infrastructure.password())) {
            try (Statement listen = otherReplica.createStatement()) {
                listen.execute("LISTEN feed_changes");
            }
            send(article, "00-" + trace + "-" + producerSpan + "-01");
            List<String> notices = new ArrayList<>();
            await().atMost(WAIT).until(() -> {
                PGNotification[] received = otherReplica.unwrap(PGConnection.class).getNotifications(200);
                if (received != null) {
                    for (PGNotification notice : received) {
                        notices.add(notice.getParameter());
                    }
                }
                return notices.stream().anyMatch(notice -> notice.contains(trace));
            });
        }

        SpanData received = await().atMost(WAIT).until(() -> find(span -> span.getTraceId().equals(trace)
                && span.getKind() == SpanKind.CONSUMER), found -> found != null);
        assertThat(received.getParentSpanId()).as("the receive span continues the producer's send")
                .isEqualTo(producerSpan);
        SpanData apply = await().atMost(WAIT).until(() -> find(span -> span.getTraceId().equals(trace)
                && span.getName().equals("feed apply " + Topics.ARTICLES)), found -> found != null);
        assertThat(apply.getParentSpanId()).isEqualTo(received.getSpanId());
        SpanData write = await().atMost(WAIT).until(() -> find(span -> span.getTraceId().equals(trace)
                && span.getName().equals("feed read-model write")), found -> found != null);
        SpanData drop = await().atMost(WAIT).until(() -> find(span -> span.getTraceId().equals(trace)
                && span.getName().equals("feed cache drop")), found -> found != null);
        assertThat(List.of(write.getParentSpanId(), drop.getParentSpanId())).containsOnly(apply.getSpanId());
        assertThat(write.getAttributes().asMap()).extractingFromEntries(entry -> entry.getKey().getKey())
                .contains("newsroom.feed.events", "newsroom.feed.changed");
        assertThat(drop.getStartEpochNanos()).as("the cache is dropped after the write committed")
                .isGreaterThanOrEqualTo(write.getEndEpochNanos());
    }

    @Test
    void anotherReplicasChangeNoticeContinuesItsTraceInTheCacheDrop() {
        String trace = UUID.randomUUID().toString().replace("-", "");
        String writeSpan = trace.substring(16);
        Database.update("SELECT pg_notify('feed_changes', 'another-replica - 00-" + trace + "-" + writeSpan + "-01')");

        SpanData drop = await().atMost(WAIT).until(() -> find(span -> span.getTraceId().equals(trace)),
                found -> found != null);
        assertThat(drop.getName()).isEqualTo("feed cache drop (another replica's change)");
        assertThat(drop.getParentSpanId()).isEqualTo(writeSpan);
    }

    private void send(TestArticle article, String traceparent) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Infrastructure.shared().bootstrapServers());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(Topics.ARTICLES, 0, article.id().toString(),
                    UpstreamEvents.json(article.snapshot()));
            header(record, "ce_specversion", "1.0");
            header(record, "ce_id", UUID.randomUUID().toString());
            header(record, "ce_source", "/test");
            header(record, "ce_type", "newsroom.article.published");
            header(record, "ce_subject", article.id().toString());
            header(record, "ce_time", Instant.now().toString());
            header(record, "content-type", "application/json");
            header(record, "traceparent", traceparent);
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("sending the traced event failed", e);
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private SpanData find(Predicate<SpanData> wanted) {
        return spans.getFinishedSpanItems().stream().filter(wanted).findFirst().orElse(null);
    }
}
