package dev.newsroom.feed.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.CloudEventSender;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Events on the real broker become feed entries; duplicates and older revisions change nothing. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class FeedFromEventsTest {

    private static CloudEventSender sender;

    @BeforeAll
    static void connect() {
        sender = new CloudEventSender(Infrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        sender.close();
    }

    @Test
    void publishedArticleAppearsAndDuplicatesLeaveFeedsByteIdentical() {
        UUID id = UUID.randomUUID();
        String section = "harbour-" + id.toString().substring(0, 8);
        String headline = "Harbour reopens after storm " + id;
        String published = article(id, headline, 2, "PUBLISHED", section);
        sender.sendToPartition(Topics.ARTICLES, 0, id.toString(), "newsroom.article.published", published);

        String sectionFeed = "/feeds/sections/" + section + "/atom.xml";
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(given().get(sectionFeed).then().statusCode(200).extract().asString()).contains(headline));
        byte[] before = given().get(sectionFeed).then().statusCode(200).extract().asByteArray();

        for (int i = 0; i < 3; i++) {
            sender.sendToPartition(Topics.ARTICLES, 0, id.toString(), "newsroom.article.published", published);
        }
        sender.sendToPartition(Topics.ARTICLES, 0, id.toString(), "newsroom.article.published",
                article(id, "An older headline", 1, "PUBLISHED", section));
        // Same partition, so once the marker shows, every record above has been consumed.
        UUID marker = UUID.randomUUID();
        sender.sendToPartition(Topics.ARTICLES, 0, marker.toString(), "newsroom.article.published",
                article(marker, "Marker " + marker, 2, "PUBLISHED", "markers"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(given().get("/feeds/rss.xml").then().extract().asString()).contains(marker.toString()));

        byte[] after = given().get(sectionFeed).then().statusCode(200).extract().asByteArray();
        assertThat(after).isEqualTo(before);
        assertThat(new String(after, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("An older headline");
    }

    @Test
    void unpublishedArticleLeavesTheFeeds() {
        UUID id = UUID.randomUUID();
        String headline = "Soon withdrawn " + id;
        sender.send(Topics.ARTICLES, id.toString(), "newsroom.article.published", article(id, headline, 2, "PUBLISHED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(given().get("/feeds/feed.json").then().extract().asString()).contains(headline));
        sender.send(Topics.ARTICLES, id.toString(), "newsroom.article.unpublished",
                article(id, headline, 3, "UNPUBLISHED"));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertThat(given().get("/feeds/feed.json").then().extract().asString()).doesNotContain(headline);
            given().get("/articles/soon-withdrawn-" + id).then().statusCode(410);
        });
    }

    @Test
    void conditionalGetAnswers304() {
        var first = given().get("/feeds/rss.xml").then().statusCode(200).extract();
        String etag = first.header("ETag");
        assertThat(first.contentType()).startsWith("application/rss+xml");
        given().header("If-None-Match", etag).get("/feeds/rss.xml").then().statusCode(304);
    }

    private static String article(UUID id, String headline, int revision, String status) {
        return article(id, headline, revision, status, "world");
    }

    private static String article(UUID id, String headline, int revision, String status, String section) {
        Instant now = Instant.now();
        return """
                {"id":"%s","slug":"%s","status":"%s","headline":"%s","summary":"A summary.",
                 "body":"<p>Body text.</p>","section":"%s","tags":["weather"],"authors":[{"name":"Ana"}],
                 "language":"en","related":[],"revision":%d,"createdAt":"%s","updatedAt":"%s",
                 "publishedAt":"%s","firstPublishedAt":"%s"}
                """.formatted(id, headline.toLowerCase().replace(' ', '-'), status, headline, section, revision, now, now,
                now, now);
    }
}
