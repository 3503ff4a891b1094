package dev.newsroom.feed.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.service.FeedCache;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.TestArticle;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;

/**
 * A document answered from memory by the router reads exactly as its first answer, rendered through Jakarta REST:
 * status, bytes and every header but the date, for each kind of document, coding and conditional request.
 */
@QuarkusTest
class CachedDocumentRoutesTest extends FeedServiceTest {

    private static final List<String> CODINGS = List.of("", "gzip", "gzip, deflate, br");

    @Inject
    CachedDocumentRoutes routes;
    @Inject
    FeedCache cache;

    @Test
    void everyKindOfDocumentReadsTheSameFromMemoryAsWhenRendered() {
        String section = "quay-" + UUID.randomUUID().toString().substring(0, 8);
        String tag = "tide-" + UUID.randomUUID().toString().substring(0, 8);
        TestArticle story = TestArticle.headlined("Quay wall repaired").section(section).tags(tag);
        newsroom.published(story);
        await().atMost(WAIT).untilAsserted(() -> assertThat(given().get("/articles/" + story.slug()).statusCode())
                .isEqualTo(200));

        for (String path : List.of("/", "/?page=1", "/sections/" + section, "/tags/" + tag,
                "/articles/" + story.slug(), "/sitemap.xml", "/sitemaps/news.xml", "/feeds/rss.xml",
                "/feeds/atom.xml", "/feeds/feed.json", "/feeds/sections/" + section + "/atom.xml",
                "/feeds/tags/" + tag + "/rss.xml")) {
            for (String coding : CODINGS) {
                assertServedAlikeFromMemory(path, coding);
            }
        }
    }

    @Test
    void whatTheRouterCannotAnswerReachesJakartaRest() {
        given().get("/feeds/rss.xml").then().statusCode(200);
        given().get("/feeds/rss.xml?page=0").then().statusCode(400).contentType("application/problem+json");
        given().get("/feeds/rss.xml?page=two").then().statusCode(404);
        given().get("/feeds/podcast.mp3").then().statusCode(404).contentType("application/problem+json");
        given().get("/sitemap.xml?page=2").then().statusCode(200);
    }

    private void assertServedAlikeFromMemory(String path, String coding) {
        cache.invalidateAll();
        routes.forgetPrepared();
        Response rendered = get(path, coding, null);
        assertThat(routes.prepared()).as("%s (%s) rendered, not from memory", path, coding).isZero();
        Response fromMemory = get(path, coding, null);
        assertThat(routes.prepared()).as("%s (%s) answered from memory", path, coding).isOne();
        assertThat(fromMemory.statusCode()).as(path).isEqualTo(200);
        assertThat(fromMemory.asByteArray()).as("%s (%s) bytes", path, coding).isEqualTo(rendered.asByteArray());
        assertThat(headers(fromMemory)).as("%s (%s) headers", path, coding).isEqualTo(headers(rendered));

        String etag = fromMemory.header("ETag");
        Response notModified = get(path, coding, etag);
        assertThat(notModified.statusCode()).as("%s (%s) conditional", path, coding).isEqualTo(304);
        assertThat(notModified.asByteArray()).isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        assertThat(notModified.header("Cache-Control")).isEqualTo(rendered.header("Cache-Control"));
        assertThat(notModified.header("Vary")).isEqualTo("Accept-Encoding");
    }

    private static Response get(String path, String coding, String ifNoneMatch) {
        var request = given().urlEncodingEnabled(false).config(io.restassured.RestAssured.config()
                .decoderConfig(io.restassured.config.DecoderConfig.decoderConfig().noContentDecoders()));
        if (!coding.isEmpty()) {
            request.header("Accept-Encoding", coding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(path);
    }

    private static Map<String, String> headers(Response response) {
        Map<String, String> headers = new TreeMap<>();
        response.headers().forEach(header -> headers.merge(header.getName().toLowerCase(), header.getValue(),
                (a, b) -> a + ", " + b));
        headers.remove("date");
        return headers;
    }
}
