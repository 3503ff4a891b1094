package dev.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

import io.restassured.http.ContentType;

/** An editor's story with its photo goes from article-service and media-service, through Kafka, to every feed. */
class PublishToFeedIT {

    private static E2ePlatform platform;

    @BeforeAll
    static void startPlatform() throws Exception {
        platform = E2ePlatform.shared();
    }

    @Test
    void storyWithPhotoReachesRssAtomAndJsonFeedThenLeavesThem() throws Exception {
        String mediaId = given().auth().preemptive().basic("writer", "writer")
                .multiPart("file", "quay.png", png(), "image/png")
                .multiPart("caption", "Boats at the quay")
                .multiPart("credit", "Photo: Lea Martin")
                .when().post(platform.url("media") + "/api/media")
                .then().statusCode(201).extract().path("id");

        String articleId = given().auth().preemptive().basic("writer", "writer")
                .contentType(ContentType.JSON)
                .body(Map.of("headline", "Port of Marseille handles record cargo",
                        "summary", "Container traffic rose by a fifth.",
                        "body", "<p>Container traffic rose by a fifth this year.</p>",
                        "section", "economy",
                        "tags", List.of("shipping"),
                        "authors", List.of(Map.of("name", "Jules Moreau")),
                        "leadImage", Map.of("mediaId", mediaId)))
                .when().post(platform.url("article") + "/api/articles")
                .then().statusCode(201).extract().path("id");

        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON).body("{}")
                .when().post(platform.url("article") + "/api/articles/{id}/publish", articleId)
                .then().statusCode(200);

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

    private static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(200, 120, 40));
        graphics.fillRect(0, 0, 1600, 1000);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
