package dev.newsroom.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.newsroom.e2e.OtlpReceiver.ReceivedSpan;

/**
 * One trace follows a story across the platform: the editor's publish request in article-service, the outbox
 * append, the relay's send, the broker, and in feed-service the receive, the read-model write and the cache drop;
 * media-service, which follows the articles topic too, receives it in the same trace. An upload's trace goes from
 * media-service to feed-service and article-service the same way. The services run packaged, as in production,
 * exporting over OTLP to a receiver that stands in for the collector.
 */
@ExtendWith(E2ePlatform.Resolver.class)
class TraceAcrossServicesIT {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void aPublishedStoryIsOneTraceAcrossArticleFeedAndMediaService(E2ePlatform platform) throws Exception {
        String mediaId = platform.uploadPhoto("crane.png", "A crane at the quay", "Photo: Desk");
        String articleId = platform.createArticle(Map.of("headline", "Cranes arrive at the port",
                "summary", "Two new cranes.", "body", "<p>Two new cranes arrived.</p>", "section", "economy",
                "leadImage", Map.of("mediaId", mediaId)));
        platform.publish(articleId);

        String publish = platform.traces.traceOf("article-service", articleId, WAIT);
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

        String upload = platform.traces.traceOf("media-service", mediaId, WAIT);
        await().atMost(WAIT).untilAsserted(() -> {
            List<ReceivedSpan> trace = platform.traces.spans(span -> span.traceId().equals(upload));
            assertThat(services(trace)).contains("media-service", "feed-service", "article-service");
            assertThat(names(trace, "feed-service")).contains("feed apply newsroom.media", "feed read-model write");
            assertThat(consumersContinuingProducer(trace, "media-service"))
                    .contains("feed-service", "article-service");
        });
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
}
