package dev.newsroom.feed.rest;

import static dev.newsroom.feed.support.Feeds.bytes;
import static dev.newsroom.feed.support.Feeds.section;
import static dev.newsroom.feed.support.Feeds.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.support.Database;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.Feeds;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.TestAsset;

import io.quarkus.test.junit.QuarkusTest;

/** An operator rebuilds the read model from the topics; the feeds come out byte-identical, damage repaired. */
@QuarkusTest
class AdminRebuildTest extends FeedServiceTest {

    private static final String TOKEN = "Bearer local-admin-token";

    @Test
    void rebuildNeedsTheOperatorToken() {
        given().contentType("application/json").post("/admin/rebuild").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer"));
        given().header("Authorization", "Bearer wrong").contentType("application/json").post("/admin/rebuild")
                .then().statusCode(401).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("newsroom.")));
        given().header("Authorization", "Bearer wrong").get("/admin/rebuild").then().statusCode(401);
        given().header("Authorization", "Bearer").get("/admin/rebuild").then().statusCode(401);
        given().header("Authorization", "local-admin-token").get("/admin/rebuild").then().statusCode(401);
    }

    @Test
    void theBearerSchemeIsCaseInsensitive() {
        for (String scheme : new String[] {"bearer", "BEARER", "BeArEr"}) {
            given().header("Authorization", scheme + " local-admin-token").get("/admin/rebuild")
                    .then().statusCode(org.hamcrest.Matchers.not(401));
        }
    }

    @Test
    void rebuildFromOffsetZeroGivesByteIdenticalFeedsAndRepairsTheReadModel() {
        String section = "rebuilt-" + UUID.randomUUID().toString().substring(0, 8);
        TestAsset photo = new TestAsset("Caption one", "Credit one");
        newsroom.asset(photo, "newsroom.media.created");
        newsroom.asset(photo.next("Caption two", "Credit two"), "newsroom.media.updated");
        TestArticle kept = TestArticle.headlined("Kept through the rebuild").section(section)
                .leadImage(photo.id(), null, null);
        newsroom.published(kept);
        newsroom.updated(kept.next().headline("Kept through the rebuild, revised"));
        TestArticle withdrawn = TestArticle.headlined("Withdrawn before the rebuild").section(section);
        newsroom.published(withdrawn);
        newsroom.unpublished(withdrawn.next());
        String marker = newsroom.marker();
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section("markers", "rss.xml"))).contains(marker));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section(section, "rss.xml")))
                .contains("Kept through the rebuild, revised", "Caption two"));

        List<String> paths = new ArrayList<>();
        for (String file : Feeds.FILES) {
            paths.add("/feeds/" + file);
            paths.add(section(section, file));
            paths.add(Feeds.tag("weather", file));
        }
        List<byte[]> before = paths.stream().map(Feeds::bytes).toList();

        // damage a bug could do: a wrong row with a higher revision, and a row no event accounts for
        Database.update("UPDATE feed.feed_article SET revision = 99, snapshot = jsonb_set(snapshot, '{headline}',"
                + " '\"Corrupted headline\"') WHERE id = ?", kept.id());
        UUID orphan = UUID.randomUUID();
        Database.update("INSERT INTO feed.feed_article (id, revision, slug, status, section, tags, visible_from,"
                + " published_at, updated_at, snapshot) SELECT ?, 1, 'orphan-' || ?, status, section, tags,"
                + " visible_from, published_at, updated_at, jsonb_set(jsonb_set(snapshot, '{headline}',"
                + " '\"Orphan row\"'), '{id}', to_jsonb(?::text)) FROM feed.feed_article WHERE id = ?",
                orphan, orphan.toString(), orphan.toString(), kept.id());
        Database.update("SELECT pg_notify('feed_changes', 'test -')");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section(section, "rss.xml")))
                .contains("Corrupted headline", "Orphan row"));

        String absolute = given().header("Authorization", TOKEN).header("Host", "evil.example")
                .contentType("application/json").post("/admin/rebuild").then().statusCode(202)
                .extract().header("Location");
        // from the configured public address, never from the Host header
        assertThat(absolute).startsWith("http://localhost:8083/admin/rebuild/");
        String location = java.net.URI.create(absolute).getPath();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().header("Authorization", TOKEN).get(location).then().statusCode(200)
                        .body("status", org.hamcrest.Matchers.equalTo("DONE")));
        given().header("Authorization", TOKEN).get("/admin/rebuild").then().statusCode(200)
                .body("events", org.hamcrest.Matchers.greaterThan(0));

        for (int i = 0; i < paths.size(); i++) {
            assertThat(bytes(paths.get(i))).as(paths.get(i)).isEqualTo(before.get(i));
        }
        assertThat(text(section(section, "atom.xml"))).contains("Kept through the rebuild, revised")
                .doesNotContain("Corrupted", "Orphan");
        given().get("/articles/orphan-" + orphan).then().statusCode(404);
        given().get("/articles/" + withdrawn.slug()).then().statusCode(410);
    }
}
