package dev.newsroom.article.rest;

import static dev.newsroom.article.EditorsApi.create;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.unique;
import static dev.newsroom.article.EditorsApi.writer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.CloudEventSender;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A lead image must be an asset media-service has announced on newsroom.media: the service's replica of those
 * events decides, so an unknown or deleted id is a 422 naming leadImage.mediaId.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class LeadImageTest {

    private static final Duration CONSUMED = Duration.ofSeconds(30);

    private CloudEventSender media;

    @BeforeEach
    void connect() {
        media = new CloudEventSender(Infrastructure.shared().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        media.close();
    }

    @Test
    void anAnnouncedAssetCanBeTheLeadImageWithItsOwnCaptionAndCredit() {
        UUID asset = announce("newsroom.media.created", UUID.randomUUID(), 1, false);
        Map<String, Object> fields = withLeadImage(asset);
        await().atMost(CONSUMED).untilAsserted(() ->
                writer().body(json(fields)).post("/api/articles").then().statusCode(201)
                        .body("leadImage.mediaId", equalTo(asset.toString()))
                        .body("leadImage.caption", equalTo("Our own caption"))
                        .body("leadImage.credit", equalTo("Photo: Desk")));
    }

    @Test
    void anAssetUploadedAMomentAgoIsWaitedForNotRefused() {
        UUID warmUp = announce("newsroom.media.created", UUID.randomUUID(), 1, false);
        await().atMost(CONSUMED).untilAsserted(() ->
                writer().body(json(withLeadImage(warmUp))).post("/api/articles").then().statusCode(201));

        // The editor attaches the photo right after uploading it; the event is still on its way.
        UUID fresh = announce("newsroom.media.created", UUID.randomUUID(), 1, false);
        writer().body(json(withLeadImage(fresh))).post("/api/articles").then().statusCode(201);
    }

    @Test
    void anUnknownAssetIsUnprocessableAndNamesTheField() {
        writer().body(json(withLeadImage(UUID.randomUUID()))).post("/api/articles")
                .then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("leadImage.mediaId"))
                .body("detail", containsString("no media asset"));
    }

    @Test
    void aDeletedAssetIsRefusedAndAnOlderEventDoesNotBringItBack() {
        UUID asset = announce("newsroom.media.created", UUID.randomUUID(), 1, false);
        announce("newsroom.media.updated", asset, 2, false);
        announce("newsroom.media.deleted", asset, 3, true);
        await().atMost(CONSUMED).untilAsserted(() ->
                writer().body(json(withLeadImage(asset))).post("/api/articles").then().statusCode(422)
                        .body("detail", containsString("was deleted")));

        announce("newsroom.media.updated", asset, 2, false);
        UUID marker = announce("newsroom.media.created", UUID.randomUUID(), 1, false);
        // Events of one partition are applied in order: once the later marker is known, the replay was applied.
        await().atMost(CONSUMED).untilAsserted(() ->
                writer().body(json(withLeadImage(marker))).post("/api/articles").then().statusCode(201));
        writer().body(json(withLeadImage(asset))).post("/api/articles").then().statusCode(422)
                .body("errors.field", hasItem("leadImage.mediaId"));
    }

    @Test
    void publishingChecksThatTheLeadImageStillExists() {
        UUID asset = announce("newsroom.media.created", UUID.randomUUID(), 1, false);
        Map<String, Object> fields = withLeadImage(asset);
        String id = await().atMost(CONSUMED).until(() -> {
            var response = writer().body(json(fields)).post("/api/articles");
            return response.statusCode() == 201 ? response.<String>path("id") : null;
        }, found -> found != null);
        announce("newsroom.media.deleted", asset, 2, true);
        await().atMost(CONSUMED).untilAsserted(() ->
                editor().body("{}").post("/api/articles/{id}/publish", id).then().statusCode(422)
                        .body("errors.field", hasItem("leadImage.mediaId")));
        editor().get("/api/articles/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    /** Sends a media event the way media-service does; returns the asset id. */
    private UUID announce(String type, UUID id, long revision, boolean deleted) {
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("id", id);
        asset.put("caption", "Boats at the quay");
        asset.put("credit", "Photo: Lea Martin");
        asset.put("width", 1600);
        asset.put("height", 1000);
        asset.put("mimeType", "image/jpeg");
        asset.put("bytes", 123456);
        asset.put("renditions", List.of());
        asset.put("revision", revision);
        asset.put("deleted", deleted);
        asset.put("createdAt", Instant.now().toString());
        asset.put("updatedAt", Instant.now().toString());
        try {
            media.send(Topics.MEDIA, id.toString(), type, new ObjectMapper().writeValueAsString(asset));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    private static Map<String, Object> withLeadImage(UUID asset) {
        Map<String, Object> fields = draft(unique("With a photo"));
        fields.put("leadImage", Map.of("mediaId", asset.toString(), "caption", "Our own caption",
                "credit", "Photo: Desk"));
        return fields;
    }
}
