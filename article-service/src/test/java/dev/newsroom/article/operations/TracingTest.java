package dev.newsroom.article.operations;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * One trace follows a story from the editor's publish request through the outbox row to the relay's send, although
 * the send happens later on another thread; the Kafka record carries that trace (W3C traceparent, and the context
 * the event was written in as the CloudEvents ce_traceparent), so consumers continue it.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void thePublishRequestTheOutboxRowAndTheRelaysSendShareOneTraceThatTheRecordCarries() {
        String id = createDraft(unique("Traced"));
        spans.reset();
        editor().body("{}").post("/api/articles/{id}/publish", id).then().statusCode(200);

        SpanData request = await().atMost(WAIT).until(() -> find(span -> span.getKind() == SpanKind.SERVER
                && span.getName().contains("/api/articles/{id}/publish")), found -> found != null);
        String trace = request.getTraceId();
        SpanData append = await().atMost(WAIT).until(() -> find(span -> span.getName().startsWith("outbox append")
                && id.equals(span.getAttributes().get(AttributeKey.stringKey("newsroom.aggregate.id")))),
                found -> found != null);
        SpanData send = await().atMost(WAIT).until(() -> find(span -> span.getKind() == SpanKind.PRODUCER
                && span.getTraceId().equals(trace)), found -> found != null);

        assertThat(append.getTraceId()).as("outbox append in the request's trace").isEqualTo(trace);
        assertThat(send.getParentSpanId()).as("the send continues the outbox append").isEqualTo(append.getSpanId());
        assertThat(send.getName()).contains(Topics.ARTICLES);

        Map<String, String> headers;
        try (TopicReader topic = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.ARTICLES)) {
            headers = TopicReader.headers(topic.awaitRecords(id, 1, WAIT).get(0));
        }
        assertThat(headers.get("traceparent")).as("W3C traceparent of the send")
                .isEqualTo("00-" + trace + "-" + send.getSpanId() + "-01");
        assertThat(headers.get("ce_traceparent")).as("CloudEvents distributed tracing: where the event was written")
                .isEqualTo("00-" + trace + "-" + append.getSpanId() + "-01");
    }

    private SpanData find(java.util.function.Predicate<SpanData> wanted) {
        List<SpanData> finished = spans.getFinishedSpanItems();
        return finished.stream().filter(wanted).findFirst().orElse(null);
    }
}
