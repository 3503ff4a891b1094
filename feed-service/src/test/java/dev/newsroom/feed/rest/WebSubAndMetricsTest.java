package dev.newsroom.feed.rest;

import static dev.newsroom.feed.support.Feeds.bytes;
import static dev.newsroom.feed.support.Feeds.section;
import static dev.newsroom.feed.support.Feeds.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.newsroom.feed.render.StrictXml;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.Feeds;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.testsupport.PrometheusText;

import io.quarkus.test.junit.QuarkusTest;

/** Feeds advertise the WebSub hub and the hub hears of every changed feed; the operational metrics exist. */
@QuarkusTest
class WebSubAndMetricsTest extends FeedServiceTest {

    @ConfigProperty(name = "newsroom.feed.websub-hub")
    String hub;

    @ConfigProperty(name = "newsroom.feed.public-base-url")
    String base;

    @Test
    void feedsAdvertiseTheHubAndTheHubHearsOfEachChangedFeed() throws Exception {
        String section = "websub-" + UUID.randomUUID().toString().substring(0, 8);
        String tagName = "tag-" + section;
        newsroom.published(TestArticle.headlined("Pushed to subscribers").section(section).tags(tagName));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section(section, "rss.xml")))
                .contains("Pushed to subscribers"));

        assertThat(StrictXml.parse(bytes(section(section, "rss.xml")))
                .text("/rss/channel/atom:link[@rel='hub']/@href")).isEqualTo(hub);
        assertThat(StrictXml.parse(bytes("/feeds/atom.xml")).text("/atom:feed/atom:link[@rel='hub']/@href"))
                .isEqualTo(hub);
        assertThat(Feeds.json(Feeds.tag(tagName, "feed.json")).path("hubs").get(0).path("url").asText())
                .isEqualTo(hub);

        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get(hub + "/received").then().statusCode(200)
                .extract().asString().lines())
                .contains(base + "/feeds/rss.xml", base + "/feeds/atom.xml", base + "/feeds/feed.json",
                        base + "/feeds/sections/" + section + "/rss.xml",
                        base + "/feeds/sections/" + section + "/atom.xml",
                        base + "/feeds/tags/" + tagName + "/feed.json"));
    }

    @Test
    void metricsShowLatencyDeadLettersConsumerLagAndHttpPerRoute() {
        newsroom.published(TestArticle.headlined("Measured").section("measured"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section("measured", "rss.xml"))).contains("Measured"));
        await().atMost(WAIT).untilAsserted(() -> {
            PrometheusText metrics = metrics();
            // the SLO "99 % visible within 5 s" is read from the le="5.0" bucket: it must exist exactly
            assertThat(value(metrics, "newsroom_feed_publish_to_visible_seconds_bucket", "le", "5.0"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(value(metrics, "newsroom_feed_publish_to_visible_seconds_count"))
                    .isGreaterThanOrEqualTo(1);
            value(metrics, "newsroom_feed_dead_letters_total", "topic", "newsroom.articles");
            value(metrics, "newsroom_feed_dead_letters_total", "topic", "newsroom.media");
            for (String topic : new String[] {"newsroom.articles", "newsroom.media"}) {
                assertThat(metrics.samples("newsroom_consumer_lag_records", "group", "feed-service", "topic", topic))
                        .isNotEmpty()
                        .allSatisfy(sample -> assertThat(sample.value()).isGreaterThanOrEqualTo(0))
                        .allSatisfy(sample -> assertThat(sample.labels()).containsKey("partition"));
            }
        });
        PrometheusText metrics = metrics();
        // what deploy/'s alerts and dashboard query is really exported
        assertThat(metrics.names()).containsAll(PrometheusText.monitoredNames("feed-service"));
        assertThat(metrics.samples("jvm_threads_live_threads")).allSatisfy(
                sample -> assertThat(sample.labels()).containsEntry("application", "feed-service"));
        assertThat(value(metrics, "http_server_requests_seconds_count", "uri", "/feeds/{kind}/{name}/{file}",
                "status", "200")).isGreaterThanOrEqualTo(1);
        value(metrics, "http_server_requests_seconds_bucket", "uri", "/feeds/{kind}/{name}/{file}",
                "le", "0.1");
        assertThat(metrics.samples("http_server_requests_seconds_count"))
                .noneMatch(sample -> sample.labels().getOrDefault("uri", "").contains("measured"));
        // renders are timed per feed format, and for the site's pages and sitemaps
        for (String format : new String[] {"rss.xml", "atom.xml", "feed.json"}) {
            value(metrics, "newsroom_feed_render_seconds_count", "format", format);
        }
        value(metrics, "newsroom_site_render_seconds_count");
        assertThat(value(metrics, "agroal_max_used_count", "datasource", "default"))
                .isGreaterThanOrEqualTo(1);
        value(metrics, "jvm_memory_used_bytes", "area", "heap");
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
