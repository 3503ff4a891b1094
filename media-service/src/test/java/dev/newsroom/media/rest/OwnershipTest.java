package dev.newsroom.media.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.newsroom.events.ArticleEventType;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.CloudEventSender;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * Who may change and delete an asset: the uploader or an editor deletes; what a published or scheduled story shows
 * (learnt from newsroom.articles) is changed or deleted by an editor only, and deleting it needs confirming.
 * Deleting removes the stored files.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class OwnershipTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static CloudEventSender events;

    @BeforeAll
    static void connect() {
        events = new CloudEventSender(Infrastructure.shared().bootstrapServers());
    }

    @AfterAll
    static void disconnect() {
        events.close();
    }

    @Test
    void onlyTheUploaderOrAnEditorDeletesAnUnusedAsset() throws Exception {
        String id = Uploads.uploadFixture("palette.png");
        Path stored = storedFiles(id);
        assertThat(Files.list(stored).count()).isGreaterThan(1);

        as("other-writer").delete("/api/media/" + id).then().statusCode(403).contentType("application/problem+json");
        // captions of a photo no live story shows stay a shared job of the desk
        as("other-writer").contentType("application/json").body("{\"caption\":\"Shared work\"}")
                .put("/api/media/" + id).then().statusCode(200);
        Uploads.asWriter().delete("/api/media/" + id).then().statusCode(204);

        assertThat(Files.exists(stored) && Files.list(stored).findAny().isPresent())
                .as("stored files of a deleted asset").isFalse();
        given().get("/media/" + id + "/original").then().statusCode(404);
    }

    @Test
    void whatALiveStoryShowsIsChangedOrDeletedByAnEditorOnly() throws Exception {
        String id = Uploads.uploadFixture("palette.png");
        ArticleSnapshot story = story(UUID.fromString(id), "PUBLISHED", 2);
        send(story);

        await().atMost(WAIT).untilAsserted(() -> Uploads.asWriter().contentType("application/json")
                .body("{\"caption\":\"Changed by a writer\"}").put("/api/media/" + id)
                .then().statusCode(403).contentType("application/problem+json"));
        Uploads.asWriter().delete("/api/media/" + id).then().statusCode(403);
        as("editor").delete("/api/media/" + id).then().statusCode(409).contentType("application/problem+json");
        as("editor").contentType("application/json").body("{\"caption\":\"Fixed by the desk\"}")
                .put("/api/media/" + id).then().statusCode(200).body("caption", equalTo("Fixed by the desk"));

        // withdrawn: the photo is the writer's again
        send(story(story.id(), UUID.fromString(id), "UNPUBLISHED", 3));
        await().atMost(WAIT).untilAsserted(() -> Uploads.asWriter().contentType("application/json")
                .body("{\"caption\":\"Writer again\"}").put("/api/media/" + id).then().statusCode(200));
        // published again, then an editor confirms deleting it
        send(story(story.id(), UUID.fromString(id), "SCHEDULED", 4));
        await().atMost(WAIT).untilAsserted(() -> as("editor").delete("/api/media/" + id).then().statusCode(409));
        as("editor").delete("/api/media/" + id + "?force=true").then().statusCode(204);
        assertThat(Files.exists(storedFiles(id)) && Files.list(storedFiles(id)).findAny().isPresent()).isFalse();
    }

    @Test
    void anImageInTheBodyOfALiveStoryCountsAsUsed() {
        String id = Uploads.uploadFixture("palette.png");
        ArticleSnapshot story = story(null, "PUBLISHED", 2);
        send(withBody(story, "<p>Look</p><figure><img src=\"http://localhost:8082/media/" + id
                + "/large\" alt=\"x\"></figure>"));
        await().atMost(WAIT).untilAsserted(() -> Uploads.asWriter().delete("/api/media/" + id).then().statusCode(403));
    }

    private static Path storedFiles(String id) {
        String directory = ConfigProvider.getConfig().getValue("newsroom.media.directory", String.class);
        return Path.of(directory, id);
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    private static ArticleSnapshot story(UUID mediaId, String status, long revision) {
        return story(UUID.randomUUID(), mediaId, status, revision);
    }

    private static ArticleSnapshot story(UUID articleId, UUID mediaId, String status, long revision) {
        Instant now = Instant.now();
        return new ArticleSnapshot(articleId, "story-" + articleId, status, "A story", null, "<p>Text</p>", "news",
                List.of(), List.of(), "en", mediaId == null ? null : new ArticleSnapshot.LeadImage(mediaId, null, null),
                List.of(), revision, now, now, now, now, null, null, null, null);
    }

    private static ArticleSnapshot withBody(ArticleSnapshot a, String body) {
        return new ArticleSnapshot(a.id(), a.slug(), a.status(), a.headline(), a.summary(), body, a.section(), a.tags(),
                a.authors(), a.language(), a.leadImage(), a.related(), a.revision(), a.createdAt(), a.updatedAt(),
                a.publishedAt(), a.firstPublishedAt(), a.scheduledAt(), a.embargoUntil(), a.correction(),
                a.unpublishReason());
    }

    private static void send(ArticleSnapshot article) {
        try {
            ArticleEventType type = "UNPUBLISHED".equals(article.status()) ? ArticleEventType.UNPUBLISHED
                    : ArticleEventType.PUBLISHED;
            events.send(Topics.ARTICLES, article.id().toString(), type.cloudEventType(), JSON.writeValueAsString(article));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
