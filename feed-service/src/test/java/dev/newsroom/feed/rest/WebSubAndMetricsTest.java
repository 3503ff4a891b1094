package dev.newsroom.feed.rest;

import static dev.newsroom.feed.support.Feeds.bytes;
import static dev.newsroom.feed.support.Feeds.section;
import static dev.newsroom.feed.support.Feeds.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.newsroom.feed.render.StrictXml;
import dev.newsroom.feed.support.Feeds;
import dev.newsroom.feed.support.UpstreamEvents;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.WebSubHub;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Feeds advertise the WebSub hub and the hub hears of every changed feed; the operational metrics exist. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
@WithTestResource(WebSubHub.class)
class WebSubAndMetricsTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private final UpstreamEvents newsroom = UpstreamEvents.shared();

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
    void metricsShowLatencyDeadLettersAndConsumerLag() {
        newsroom.published(TestArticle.headlined("Measured").section("measured"));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section("measured", "rss.xml"))).contains("Measured"));
        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
            assertThat(metrics).contains("newsroom_feed_publish_to_visible_seconds_bucket{",
                    "newsroom_feed_publish_to_visible_seconds_count",
                    "newsroom_feed_dead_letters_total{topic=\"newsroom.articles\"}",
                    "newsroom_feed_dead_letters_total{topic=\"newsroom.media\"}",
                    "newsroom_feed_consumer_lag_records{topic=\"newsroom.articles\"}",
                    "newsroom_feed_consumer_lag_records{topic=\"newsroom.media\"}");
        });
    }
}
