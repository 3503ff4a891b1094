package dev.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newsroom.e2e.OtlpReceiver.ReceivedSpan;
import io.restassured.http.ContentType;

/**
 * One trace follows a story across the platform: the editor's publish request in article-service, the outbox
 * append, the relay's send, the broker, and in feed-service the receive, the read-model write and the cache drop;
 * media-service, which follows the articles topic too, receives it in the same trace. An upload's trace goes from
 * media-service to feed-service and article-service the same way. The services run packaged, as in production,
 * exporting over OTLP to a receiver that stands in for the collector.
 */
class TraceAcrossServicesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    private static E2ePlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = E2ePlatform.shared();
    }

    @Test
    void aPublishedStoryIsOneTraceAcrossArticleFeedAndMediaService() throws Exception {
        String mediaId = given().auth().preemptive().basic("writer", "writer")
                .multiPart("file", "crane.png", png(), "image/png")
                .multiPart("caption", "A crane at the quay").multiPart("credit", "Photo: Desk")
                .when().post(platform.url("media") + "/api/media")
                .then().statusCode(201).extract().path("id");
        String articleId = await().atMost(WAIT).until(() -> {
            var response = given().auth().preemptive().basic("writer", "writer").contentType(ContentType.JSON)
                    .body(Map.of("headline", "Cranes arrive at the port", "summary", "Two new cranes.",
                            "body", "<p>Two new cranes arrived.</p>", "section", "economy",
                            "leadImage", Map.of("mediaId", mediaId)))
                    .post(platform.url("article") + "/api/articles");
            // article-service accepts the photo once its copy of newsroom.media has the asset
            return response.statusCode() == 201 ? response.<String>path("id") : null;
        }, found -> found != null);
        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON).body("{}")
                .when().post(platform.url("article") + "/api/articles/{id}/publish", articleId)
                .then().statusCode(200);

        String publish = traceOf("article-service", articleId);
        await().atMost(WAIT).untilAsserted(() -> {
            List<ReceivedSpan> trace = platform.traces.spans(span -> span.traceId().equals(publish));
            assertThat(services(trace)).contains("article-service", "feed-service", "media-service");
            assertThat(names(trace, "feed-service")).contains("feed apply newsroom.articles",
                    "feed read-model write", "feed cache drop");
            assertThat(trace).filteredOn(span -> span.service().equals("article-service")
                    && span.kind().equals("SPAN_KIND_SERVER")).extracting(ReceivedSpan::name)
                    .anySatisfy(name -> assertThat(name).contains("/publish"));
            assertThat(consumersContinuingProducer(trace, "article-service"))
                    .as("feed-service's and media-service's receive spans are children of article-service's send")
                    .contains("feed-service", "media-service");
        });

        String upload = traceOf("media-service", mediaId);
        await().atMost(WAIT).untilAsserted(() -> {
            List<ReceivedSpan> trace = platform.traces.spans(span -> span.traceId().equals(upload));
            assertThat(services(trace)).contains("media-service", "feed-service", "article-service");
            assertThat(names(trace, "feed-service")).contains("feed apply newsroom.media", "feed read-model write");
            assertThat(consumersContinuingProducer(trace, "media-service"))
                    .contains("feed-service", "article-service");
        });
    }

    /** The trace in which a service wrote an event about this aggregate to its outbox. */
    private static String traceOf(String service, String aggregateId) {
        return await().atMost(WAIT).until(() -> platform.traces.spans(span -> span.service().equals(service)
                        && span.name().startsWith("outbox append")
                        && aggregateId.equals(span.attributes().get("newsroom.aggregate.id")))
                .stream().map(ReceivedSpan::traceId).findFirst().orElse(null), found -> found != null);
    }

    private static Set<String> services(List<ReceivedSpan> trace) {
        return trace.stream().map(ReceivedSpan::service).collect(Collectors.toSet());
    }

    private static Set<String> names(List<ReceivedSpan> trace, String service) {
        return trace.stream().filter(span -> span.service().equals(service)).map(ReceivedSpan::name)
                .collect(Collectors.toSet());
    }

    /** The services whose consumer spans have the producer's send span as their parent. */
    private static Set<String> consumersContinuingProducer(List<ReceivedSpan> trace, String producer) {
        Set<String> sends = trace.stream().filter(span -> span.service().equals(producer)
                && span.kind().equals("SPAN_KIND_PRODUCER")).map(ReceivedSpan::spanId).collect(Collectors.toSet());
        return trace.stream().filter(span -> span.kind().equals("SPAN_KIND_CONSUMER")
                && sends.contains(span.parentSpanId())).map(ReceivedSpan::service).collect(Collectors.toSet());
    }

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(800, 500, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
