package dev.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.restassured.http.ContentType;

/** An editor's story with its photo goes from article-service and media-service, through Kafka, to every feed. */
@ExtendWith(E2ePlatform.Resolver.class)
class PublishToFeedIT {

    @Test
    void storyWithPhotoReachesRssAtomAndJsonFeedThenLeavesThem(E2ePlatform platform) throws Exception {
        String mediaId = platform.uploadPhoto("quay.png", "Boats at the quay", "Photo: Lea Martin");
        String articleId = platform.createArticle(Map.of("headline", "Port of Marseille handles record cargo",
                "summary", "Container traffic rose by a fifth.",
                "body", "<p>Container traffic rose by a fifth this year.</p>",
                "section", "economy",
                "tags", List.of("shipping"),
                "authors", List.of(Map.of("name", "Jules Moreau")),
                "leadImage", Map.of("mediaId", mediaId)));
        platform.publish(articleId);

        String feeds = platform.url("feed") + "/feeds";
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(given().get(feeds + "/rss.xml").then().statusCode(200).extract().asString())
                        .contains("Port of Marseille handles record cargo"));

        SyndFeed rss = parse(given().get(feeds + "/rss.xml").then().extract().asString());
        SyndEntry item = entry(rss, "Port of Marseille handles record cargo");
        assertThat(item.getUri()).isEqualTo("urn:uuid:" + articleId);
        assertThat(item.getLink()).endsWith("/articles/port-of-marseille-handles-record-cargo");
        assertThat(item.getAuthor()).isEqualTo("Jules Moreau");
        assertThat(item.getCategories()).extracting("name").contains("economy", "shipping");
        assertThat(item.getEnclosures()).singleElement()
                .satisfies(enclosure -> assertThat(enclosure.getUrl()).contains("/media/" + mediaId + "/"));
        assertThat(given().get(feeds + "/rss.xml").then().extract().asString())
                .contains("Boats at the quay").contains("Photo: Lea Martin");

        SyndFeed atom = parse(given().get(feeds + "/sections/economy/atom.xml").then().statusCode(200)
                .extract().asString());
        assertThat(entry(atom, "Port of Marseille handles record cargo").getUri()).isEqualTo("urn:uuid:" + articleId);
        assertThat(given().get(feeds + "/tags/shipping/feed.json").then().statusCode(200)
                .contentType("application/feed+json").extract().asString()).contains(articleId);
        assertThat(given().get(platform.url("feed") + "/articles/port-of-marseille-handles-record-cargo")
                .then().statusCode(200).extract().asString()).contains("Port of Marseille handles record cargo");

        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON)
                .body(Map.of("reason", "Figures under review"))
                .when().post(platform.url("article") + "/api/articles/{id}/unpublish", articleId)
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(given().get(feeds + "/rss.xml").then().extract().asString())
                    .doesNotContain("Port of Marseille handles record cargo");
            given().get(platform.url("feed") + "/articles/port-of-marseille-handles-record-cargo")
                    .then().statusCode(410);
        });
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static SyndEntry entry(SyndFeed feed, String title) {
        return feed.getEntries().stream().filter(entry -> title.equals(entry.getTitle())).findFirst()
                .orElseThrow(() -> new AssertionError("no entry titled " + title));
    }
}
