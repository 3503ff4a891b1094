package dev.newsroom.feed.rest;

import static dev.newsroom.feed.support.Feeds.bytes;
import static dev.newsroom.feed.support.Feeds.section;
import static dev.newsroom.feed.support.Feeds.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsroom.feed.render.StrictXml;
import dev.newsroom.feed.support.Database;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.Feeds;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.TestAsset;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Paging links, conditional GET, caching headers, caption changes and changes made by another replica. */
@QuarkusTest
class FeedPagingAndCachingTest extends FeedServiceTest {

    @Test
    void olderEntriesAreReachedThroughPagingLinks() throws Exception {
        String section = "paged-" + UUID.randomUUID().toString().substring(0, 8);
        Instant start = Instant.now().minusSeconds(3600);
        List<TestArticle> articles = IntStream.range(0, 53)
                .mapToObj(i -> TestArticle.headlined("Story " + i).section(section).published(start.plusSeconds(i)))
                .toList();
        articles.forEach(newsroom::published);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section(section, "rss.xml"))).contains("Story 52"));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(text(section(section, "rss.xml") + "?page=2")).contains("Story 0<"));

        StrictXml first = StrictXml.parse(bytes(section(section, "atom.xml")));
        assertThat(first.count("/atom:feed/atom:entry")).isEqualTo(50);
        assertThat(first.texts("/atom:feed/atom:entry/atom:title").subList(0, 3))
                .containsExactly("Story 52", "Story 51", "Story 50");
        String next = first.text("/atom:feed/atom:link[@rel='next']/@href");
        assertThat(next).matches("https?://[^/]+/feeds/sections/" + section + "/atom.xml\\?page=2");
        assertThat(first.text("/atom:feed/atom:link[@rel='first']/@href")).endsWith(section + "/atom.xml");
        assertThat(first.count("/atom:feed/atom:link[@rel='previous']")).isZero();

        StrictXml second = StrictXml.parse(bytes(section(section, "atom.xml") + "?page=2"));
        assertThat(second.texts("/atom:feed/atom:entry/atom:title")).containsExactly("Story 2", "Story 1", "Story 0");
        assertThat(second.text("/atom:feed/atom:link[@rel='previous']/@href")).endsWith(section + "/atom.xml");
        assertThat(second.text("/atom:feed/atom:link[@rel='self']/@href")).endsWith("atom.xml?page=2");
        assertThat(second.count("/atom:feed/atom:link[@rel='next']")).isZero();

        StrictXml rss = StrictXml.parse(bytes(section(section, "rss.xml")));
        assertThat(rss.count("/rss/channel/item")).isEqualTo(50);
        assertThat(rss.text("/rss/channel/atom:link[@rel='next']/@href")).endsWith("rss.xml?page=2");
        JsonNode json = Feeds.json(section(section, "feed.json"));
        assertThat(json.path("items")).hasSize(50);
        assertThat(json.path("next_url").asText()).matches("https?://.+/feed.json\\?page=2");
        assertThat(Feeds.json(section(section, "feed.json") + "?page=2").path("next_url").isMissingNode())
                .as("Feeds.json(section(section, \"feed.json\") + \"?page=2\").path(\"next_url\").isMissingNode()").isTrue();

        given().get(section(section, "rss.xml") + "?page=0").then().statusCode(400)
                .contentType("application/problem+json");
        given().get("/feeds/nothing.xml").then().statusCode(404);
    }

    @Test
    void conditionalGetAnswers304WithTheRightHeaders() {
        Map<String, String> types = Map.of("rss.xml", "application/rss+xml", "atom.xml", "application/atom+xml",
                "feed.json", "application/feed+json");
        newsroom.published(TestArticle.headlined("Something to cache").section("cached"));
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(text(section("cached", "rss.xml"))).contains("Something to cache"));
        for (String file : Feeds.FILES) {
            String path = section("cached", file);
            ExtractableResponse<Response> first = given().get(path).then().statusCode(200).extract();
            String etag = first.header("ETag");
            String lastModified = first.header("Last-Modified");
            assertThat(first.contentType()).isEqualTo(types.get(file) + "; charset=utf-8");
            assertThat(first.header("Cache-Control")).contains("public", "max-age=");
            // one tag per rendering, marked with the content coding it was sent in (RestAssured accepts gzip)
            assertThat(etag).matches("\"[0-9a-f]{32}(-gzip|-br)?\"");
            assertThat(lastModified).matches("\\w{3}, \\d{2} \\w{3} \\d{4} \\d{2}:\\d{2}:\\d{2} GMT");

            ExtractableResponse<Response> notModified = given().header("If-None-Match", etag).get(path).then()
                    .statusCode(304).extract();
            assertThat(notModified.header("ETag")).isEqualTo(etag);
            assertThat(notModified.header("Cache-Control")).isEqualTo(first.header("Cache-Control"));
            assertThat(notModified.asByteArray()).isEmpty();
            given().header("If-None-Match", "\"other\", W/" + etag).get(path).then().statusCode(304);
            given().header("If-None-Match", "\"other\"").get(path).then().statusCode(200);
            given().header("If-Modified-Since", lastModified).get(path).then().statusCode(304);
            given().header("If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").get(path).then().statusCode(200);
            // If-None-Match wins over If-Modified-Since (RFC 9110 13.2.2)
            given().header("If-None-Match", "\"other\"").header("If-Modified-Since", lastModified).get(path).then()
                    .statusCode(200);
        }
    }

    @Test
    void anAssetsNewCaptionReachesEveryArticleUsingIt() throws Exception {
        String section = "captions-" + UUID.randomUUID().toString().substring(0, 8);
        TestAsset photo = new TestAsset("Old caption", "Old credit");
        newsroom.asset(photo, "newsroom.media.created");
        TestArticle plain = TestArticle.headlined("Uses the asset's caption").section(section)
                .published(Instant.now().minusSeconds(10)).leadImage(photo.id(), null, null);
        TestArticle overriding = TestArticle.headlined("Overrides the caption").section(section)
                .leadImage(photo.id(), "Article's own caption", null);
        newsroom.published(plain);
        newsroom.published(overriding);
        String rssPath = section(section, "rss.xml");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(rssPath)).contains("Old caption",
                "Article's own caption"));
        ExtractableResponse<Response> before = given().get(rssPath).then().extract();
        // Last-Modified counts whole seconds (RFC 9110 5.6.7): a change within the second of the copy a client holds
        // is seen through its ETag only, so the change below comes in a later second.
        Instant beforeSecond = ZonedDateTime.parse(before.header("Last-Modified"), DateTimeFormatter.RFC_1123_DATE_TIME)
                .toInstant();
        await().atMost(WAIT).until(() -> Instant.now().isAfter(beforeSecond.plusSeconds(1)));

        newsroom.asset(photo.next("New caption", "New credit"), "newsroom.media.updated");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(rssPath)).contains("New caption"));

        StrictXml rss = StrictXml.parse(bytes(rssPath));
        String overridden = "/rss/channel/item[title='Overrides the caption']/media:content";
        String fromAsset = "/rss/channel/item[title=\"Uses the asset's caption\"]/media:content";
        assertThat(rss.text(fromAsset + "/media:description")).isEqualTo("New caption");
        assertThat(rss.text(fromAsset + "/media:credit")).isEqualTo("New credit");
        assertThat(rss.text(overridden + "/media:description")).isEqualTo("Article's own caption");
        assertThat(rss.text(overridden + "/media:credit")).isEqualTo("New credit");
        assertThat(text(section(section, "atom.xml"))).contains("title=\"New caption\"").doesNotContain("Old caption");
        assertThat(text(section(section, "feed.json"))).contains("\"caption\": \"New caption\"")
                .doesNotContain("Old credit");

        ExtractableResponse<Response> after = given().get(rssPath).then().extract();
        assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
        given().header("If-Modified-Since", before.header("Last-Modified")).get(rssPath).then().statusCode(200);
    }

    @Test
    void aChangeAppliedByAnotherReplicaIsServedAtOnce() {
        String section = "replica-" + UUID.randomUUID().toString().substring(0, 8);
        TestArticle article = TestArticle.headlined("Seen by every replica").section(section);
        newsroom.published(article);
        String path = section(section, "rss.xml");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(path)).contains(article.headline()));
        assertThat(text(path)).contains(article.headline()); // rendered and cached now

        // What another replica's consumer does: change the row and notify, in one transaction.
        Database.update("""
                WITH changed AS (
                    UPDATE feed.feed_article SET revision = revision + 1,
                        snapshot = jsonb_set(snapshot, '{headline}', '"Changed on another replica"')
                    WHERE id = ? RETURNING id)
                SELECT pg_notify('feed_changes', 'another-replica ' || (extract(epoch FROM now()) * 1000)::bigint)
                FROM changed
                """, article.id());

        // far sooner than the cache's maximum age (60 s in tests)
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(text(path)).contains("Changed on another replica"));

        // put the row back as the topic has it, so a later rebuild finds nothing to repair
        Database.update("""
                WITH restored AS (
                    UPDATE feed.feed_article SET revision = revision - 1,
                        snapshot = jsonb_set(snapshot, '{headline}', to_jsonb(?::text))
                    WHERE id = ? RETURNING id)
                SELECT pg_notify('feed_changes', 'another-replica -') FROM restored
                """, article.headline(), article.id());
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(text(path)).contains(article.headline()));
    }
}
