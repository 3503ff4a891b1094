package dev.newsroom.media.rest;

import static dev.newsroom.media.rest.Uploads.upload;
import static dev.newsroom.media.rest.Uploads.uploadFixture;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.PrometheusText;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** What an operator reads on /q/metrics: decode queue and refusals, outbox backlog, image delivery per route, pool. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class OperatorMetricsTest {

    @Test
    void metricsAnswerAnOperatorsQuestions() {
        double refusedBefore = metrics().sum("newsroom_media_uploads_refused_total", "reason", "unsupported_type");
        String id = uploadFixture("progressive.jpg");
        upload("page.html", "<html>not an image</html>".getBytes(StandardCharsets.UTF_8), "image/jpeg")
                .statusCode(415);
        given().get("/media/{id}/{rendition}", id, "thumb").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            PrometheusText metrics = metrics();
        // what deploy/'s alerts and dashboard query is really exported
        assertThat(metrics.names()).containsAll(PrometheusText.monitoredNames("media-service"));
        assertThat(metrics.samples("jvm_threads_live_threads")).allSatisfy(
                sample -> assertThat(sample.labels()).containsEntry("application", "media-service"));
            assertThat(value(metrics, "newsroom_outbox_unsent_events")).isEqualTo(0.0);
            assertThat(value(metrics, "newsroom_outbox_oldest_unsent_age_seconds")).isEqualTo(0.0);
        });
        PrometheusText metrics = metrics();
        assertThat(metrics.sum("newsroom_media_uploads_refused_total", "reason", "unsupported_type"))
                .isEqualTo(refusedBefore + 1);
        value(metrics, "newsroom_media_uploads_refused_total", "reason", "busy");
        // nothing waits or decodes now, and the whole budget is free again
        assertThat(value(metrics, "newsroom_media_decode_queue_images")).isEqualTo(0.0);
        assertThat(value(metrics, "newsroom_media_decode_active_images")).isEqualTo(0.0);
        assertThat(metrics.value("newsroom_media_decode_memory_available_bytes"))
                .isEqualTo(metrics.value("newsroom_media_decode_memory_budget_bytes"));
        assertThat(value(metrics, "newsroom_media_decode_memory_budget_bytes")).isGreaterThan(1024.0 * 1024);
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri", "/media/{id}/{rendition}",
                "status", "200")).isGreaterThanOrEqualTo(1);
        assertThat(metrics.samples("http_server_requests_seconds_count"))
                .noneMatch(sample -> sample.labels().getOrDefault("uri", "").contains(id));
        assertThat(value(metrics, "agroal_max_used_count", "datasource", "default"))
                .isGreaterThanOrEqualTo(1);
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
