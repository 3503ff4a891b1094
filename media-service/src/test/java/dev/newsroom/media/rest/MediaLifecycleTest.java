package dev.newsroom.media.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Each change of an asset is one CloudEvent on newsroom.media, keyed by the asset id, carrying the full state and a
 * revision that grows: created on upload, updated on an edit, deleted on delete (after which nothing is served).
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class MediaLifecycleTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void announcesCreationEditAndDeletionInOrderWithGrowingRevisions() throws Exception {
        String id = Uploads.asWriter()
                .multiPart("file", "harbour.jpg", Uploads.fixture("progressive.jpg"), "image/jpeg")
                .multiPart("caption", "The harbour at dawn")
                .multiPart("credit", "Ana Ruiz / Agency")
                .multiPart("altText", "Fishing boats in a calm harbour")
                .when().post("/api/media")
                .then().statusCode(201).body("revision", equalTo(1)).extract().path("id");

        Uploads.asWriter().contentType("application/json")
                .body("{\"caption\": \"The harbour of Marseille at dawn\", \"credit\": \"Ana Ruiz / Agency\","
                        + " \"altText\": \"Fishing boats moored in a calm harbour\"}")
                .when().put("/api/media/{id}", id)
                .then().statusCode(200)
                .body("caption", equalTo("The harbour of Marseille at dawn"))
                .body("altText", equalTo("Fishing boats moored in a calm harbour"))
                .body("revision", equalTo(2));
        Uploads.asWriter().when().delete("/api/media/{id}", id).then().statusCode(204);

        List<ConsumerRecord<String, String>> events = Uploads.events(id, 3);
        assertThat(events).extracting(ConsumerRecord::key).containsOnly(id);
        assertThat(events).extracting(record -> TopicReader.headers(record).get("ce_type"))
                .containsExactly("newsroom.media.created", "newsroom.media.updated", "newsroom.media.deleted");
        assertThat(events).allSatisfy(record -> assertThat(TopicReader.headers(record))
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_source", "/media-service")
                .containsKey("ce_id")
                .containsKey("ce_time"));
        List<JsonNode> states = events.stream().map(record -> read(record.value())).toList();
        assertThat(states).extracting(state -> state.path("revision").asInt()).containsExactly(1, 2, 3);
        assertThat(states).extracting(state -> state.path("caption").asText())
                .containsExactly("The harbour at dawn", "The harbour of Marseille at dawn", "The harbour of Marseille at dawn");
        assertThat(states).extracting(state -> state.path("deleted").asBoolean()).containsExactly(false, false, true);
        // Full state, not a diff: the edit's event still carries the renditions and the credit.
        JsonNode updated = states.get(1);
        assertThat(updated.path("credit").asText()).isEqualTo("Ana Ruiz / Agency");
        assertThat(updated.path("renditions")).extracting(rendition -> rendition.path("name").asText())
                .containsExactly("original", "large", "thumb");
        assertThat(updated.path("renditions").path(2).path("url").asText()).endsWith("/media/" + id + "/thumb");

        Uploads.asWriter().get("/api/media/{id}", id).then().statusCode(404).contentType("application/problem+json");
        given().get("/media/{id}/thumb", id).then().statusCode(404);
        Uploads.asWriter().contentType("application/json").body("{\"caption\": \"too late\"}")
                .when().put("/api/media/{id}", id).then().statusCode(404);
    }

    @Test
    void clearsFieldsLeftOutOfAnEdit() {
        String id = Uploads.uploadFixture("iptc-utf8.jpg");

        Uploads.asWriter().contentType("application/json").body("{\"caption\": \"New caption\"}")
                .when().put("/api/media/{id}", id)
                .then().statusCode(200)
                .body("caption", equalTo("New caption"))
                .body("credit", nullValue())
                .body("byline", equalTo("Jürgen Müller, 山田 太郎"));
    }

    @Test
    void refusesAnEditTheColumnsCannotHold() {
        String id = Uploads.uploadFixture("palette.png");

        Uploads.asWriter().contentType("application/json").body("{\"credit\": \"" + "x".repeat(501) + "\"}")
                .when().put("/api/media/{id}", id)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("credit"));
        Uploads.asWriter().contentType("application/json").body("{\"byline\": \"not editable\"}")
                .when().put("/api/media/{id}", id)
                .then().statusCode(400)
                .body("errors[0].field", equalTo("byline"));
    }

    @Test
    void needsAWriterOrEditorToEditAndDelete() {
        String id = Uploads.uploadFixture("palette.png");

        given().contentType("application/json").body("{\"caption\": \"x\"}").when().put("/api/media/{id}", id)
                .then().statusCode(401);
        given().auth().preemptive().basic("reader", "reader").when().delete("/api/media/{id}", id)
                .then().statusCode(403);
        given().get("/media/{id}/thumb", id).then().statusCode(200);
    }

    private JsonNode read(String value) {
        try {
            return json.readTree(value);
        } catch (Exception e) {
            throw new AssertionError("event data is not JSON: " + value, e);
        }
    }
}
