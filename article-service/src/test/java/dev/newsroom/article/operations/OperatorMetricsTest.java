package dev.newsroom.article.operations;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.publish;
import static dev.newsroom.article.EditorsApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.PrometheusText;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator reads on /q/metrics: outbox backlog, scheduler lateness, consumer lag, HTTP per route, pool, JVM. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class OperatorMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void metricsAnswerAnOperatorsQuestions() {
        String now = createDraft(unique("Metered now"));
        publish(now);
        String scheduled = createDraft(unique("Metered later"));
        editor().body(Map.of("at", Instant.now().plusSeconds(5).toString()))
                .post("/api/articles/{id}/publish", scheduled).then().statusCode(200).body("status", equalTo("SCHEDULED"));
        editor().get("/api/articles/{id}", "00000000-0000-0000-0000-000000000000").then().statusCode(404);

        await().atMost(WAIT).untilAsserted(() -> {
            PrometheusText metrics = metrics();
            // both events were relayed: the backlog is empty and its oldest event has no age
            assertThat(value(metrics, "newsroom_outbox_sent_total")).isGreaterThanOrEqualTo(2);
            assertThat(value(metrics, "newsroom_outbox_unsent_events")).isEqualTo(0.0);
            assertThat(value(metrics, "newsroom_outbox_oldest_unsent_age_seconds")).isEqualTo(0.0);
            // the scheduled publication fired, on time
            assertThat(value(metrics, "newsroom_article_schedule_lateness_seconds_count")).isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "newsroom_article_schedule_lateness_seconds_bucket", "le", "5.0"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "newsroom_article_schedule_late_total")).isEqualTo(0.0);
            assertThat(value(metrics, "newsroom_article_schedule_overdue_articles")).isEqualTo(0.0);
            // lag of the media replica, per partition of newsroom.media
            assertThat(metrics.samples("newsroom_consumer_lag_records", "group", "article-service",
                    "topic", "newsroom.media", "partition", "0")).singleElement()
                    .satisfies(sample -> assertThat(sample.value()).isGreaterThanOrEqualTo(0));
        });

        PrometheusText metrics = metrics();
        // what deploy/'s alerts and dashboard query is really exported
        assertThat(metrics.names()).containsAll(PrometheusText.monitoredNames("article-service"));
        assertThat(metrics.samples("jvm_threads_live_threads")).allSatisfy(
                sample -> assertThat(sample.labels()).containsEntry("application", "article-service"));
        // HTTP per route, with the route's template rather than each article's address, and latency buckets
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri", "/api/articles/{id}/publish",
                "method", "POST", "status", "200")).isGreaterThanOrEqualTo(2);
        value(metrics, "http_server_requests_seconds_bucket", "uri", "/api/articles/{id}/publish",
                "le", "0.25");
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri", "/api/articles/{id}", "status", "404"))
                .isGreaterThanOrEqualTo(1);
        assertThat(metrics.samples("http_server_requests_seconds_count"))
                .noneMatch(sample -> sample.labels().getOrDefault("uri", "").contains(now));
        // pool saturation and the JVM
        assertThat(value(metrics, "agroal_max_used_count", "datasource", "default"))
                .isGreaterThanOrEqualTo(1);
        value(metrics, "agroal_awaiting_count", "datasource", "default");
        assertThat(value(metrics, "jvm_memory_used_bytes", "area", "heap")).isPositive();
        assertThat(value(metrics, "jvm_threads_live_threads")).isPositive();
    }

    /** The value of the first sample of this metric with these labels; fails naming it when there is none. */
    private static double value(PrometheusText metrics, String name, String... labels) {
        return metrics.value(name, labels).orElseThrow(() -> new AssertionError(
                name + " " + String.join(",", labels) + " is not on /q/metrics"));
    }

    private static PrometheusText metrics() {
        return PrometheusText.parse(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }
}
