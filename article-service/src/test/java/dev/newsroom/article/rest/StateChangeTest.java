package dev.newsroom.article.rest;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.publish;
import static dev.newsroom.article.EditorsApi.writer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * State changes need a JSON request, so a cross-site form cannot trigger them with an editor's credentials, and
 * instants beyond what the database stores are refused with the field named.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class StateChangeTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"publish", "unpublish", "revisions/1/restore"})
    void stateChangesWithoutJsonAre415(String action) {
        String id = createDraft("Cross-site target");
        if (action.equals("unpublish")) {
            publish(id);
        }
        String path = "/api/articles/" + id + "/" + action;
        // what an HTML form can send, and a bare request without a type
        basicEditor().contentType("text/plain").body("{}").post(path)
                .then().statusCode(415).contentType("application/problem+json");
        basicEditor().contentType("application/x-www-form-urlencoded").body("a=b").post(path)
                .then().statusCode(415).contentType("application/problem+json");
        basicEditor().contentType("multipart/form-data; boundary=x")
                .body("--x--\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).post(path)
                .then().statusCode(415).contentType("application/problem+json");
        basicEditor().post(path).then().statusCode(415).contentType("application/problem+json")
                .body("errors.field", hasItem("Content-Type"));
        editor().get("/api/articles/" + id).then().body("revision", equalTo(action.equals("unpublish") ? 2 : 1));

        // as the README's examples send them
        String body = action.equals("unpublish") ? "{\"reason\":\"Legal review\"}" : "{}";
        int status = editor().header("If-Match", "\"" + version(id) + "\"").body(body).post(path).statusCode();
        if (action.startsWith("revisions")) {
            assertThat(status).isIn(200, 409); // restoring the current revision may be refused, for its own reason
        } else {
            assertThat(status).isEqualTo(200);
        }
    }

    @Test
    void aPublicationTimeBeyondTheStorableRangeIsA400NamingAt() {
        String id = createDraft("Far future");
        for (String at : new String[] {"+999999-01-01T00:00:00Z", "-999999-01-01T00:00:00Z",
                "+10000-01-01T00:00:00Z"}) {
            editor().body("{\"at\": \"" + at + "\"}").post("/api/articles/{id}/publish", id)
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors.field", hasItem("at"));
        }
    }

    @Test
    void anEmbargoBeyondTheStorableRangeIsA400NamingIt() {
        Map<String, Object> fields = draft("Embargoed forever");
        fields.put("embargoUntil", "+999999-01-01T00:00:00Z");
        writer().body(json(fields)).post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("embargoUntil"));
    }

    private static String version(String id) {
        return editor().get("/api/articles/" + id).then().extract().header("ETag").replace("\"", "").replace("W/", "");
    }

    private static RequestSpecification basicEditor() {
        return given().auth().preemptive().basic("editor", "editor");
    }
}
