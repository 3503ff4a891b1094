package dev.newsroom.article;

import static io.restassured.RestAssured.given;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The editors' API as the tests use it: the demo users, article bodies, JSON exactly as intended. */
public final class EditorsApi {

    /** Escapes every non-ASCII character, so lone surrogates and controls reach the service as \\u escapes. */
    private static final ObjectMapper ASCII_JSON = JsonMapper.builder()
            .enable(JsonWriteFeature.ESCAPE_NON_ASCII).findAndAddModules().build();

    private EditorsApi() {
    }

    public static RequestSpecification writer() {
        return given().auth().preemptive().basic("writer", "writer").contentType(ContentType.JSON);
    }

    public static RequestSpecification editor() {
        return given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON);
    }

    /** A valid draft with a headline unique to this run, in a section of its own unless one is given later. */
    public static Map<String, Object> draft(String headline) {
        Map<String, Object> fields = new HashMap<>();
        fields.put("headline", headline);
        fields.put("summary", "A summary.");
        fields.put("body", "<p>Body text.</p>");
        fields.put("section", "tests");
        return fields;
    }

    public static String unique(String text) {
        return text + " " + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Creates a draft as the writer and returns its id. */
    public static String create(Map<String, Object> fields) {
        return writer().body(json(fields)).when().post("/api/articles").then().statusCode(201).extract().path("id");
    }

    public static String createDraft(String headline) {
        return create(draft(headline));
    }

    /** Publishes now as the editor. */
    public static void publish(String id) {
        editor().body("{}").when().post("/api/articles/{id}/publish", id).then().statusCode(200);
    }

    /** The current ETag of an article. */
    public static String etag(String id) {
        return writer().when().get("/api/articles/{id}", id).then().statusCode(200).extract().header("ETag");
    }

    public static byte[] json(Object value) {
        try {
            return ASCII_JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
