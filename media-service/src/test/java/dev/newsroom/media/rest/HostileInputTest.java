package dev.newsroom.media.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** Text a careless tool or an attacker sends answers 400 naming the field, never 500. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class HostileInputTest {

    private static final String WRITER = "Basic " + Base64.getEncoder()
            .encodeToString("writer:writer".getBytes(StandardCharsets.UTF_8));

    @ParameterizedTest(name = "NUL in {0}")
    @ValueSource(strings = {"caption", "credit", "altText"})
    void nulInAnUploadedTextFieldIsA400NamingIt(String field) {
        Uploads.asWriter()
                .multiPart("file", "a.png", Uploads.fixture("palette.png"), "image/png")
                .multiPart(field, "before\u0000after")
                .when().post("/api/media")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @ParameterizedTest(name = "NUL in {0}")
    @ValueSource(strings = {"caption", "credit", "altText"})
    void nulInAnEditedTextFieldIsA400NamingIt(String field) {
        String id = Uploads.uploadFixture("palette.png");
        Uploads.asWriter().contentType("application/json").body("{\"" + field + "\": \"a\\u0000b\"}")
                .when().put("/api/media/" + id)
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    @Test
    void nulInTheFileNameIsA400NamingTheFile() {
        Uploads.asWriter()
                .multiPart("file", "a\u0000.png", Uploads.fixture("palette.png"), "image/png")
                .when().post("/api/media")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("file"));
    }

    @ParameterizedTest(name = "file name with {0}")
    @ValueSource(strings = {"CR", "LF", "CRLF"})
    void lineBreaksInTheFileNameAreA400(String breakName) throws Exception {
        String lineBreak = switch (breakName) {
            case "CR" -> "\r";
            case "LF" -> "\n";
            default -> "\r\n";
        };
        HttpResponse<String> response = post("multipart/form-data; boundary=XyZ", multipart("XyZ",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a" + lineBreak + "b.png\"\r\n"
                        + "Content-Type: image/png\r\n"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @ParameterizedTest(name = "Content-Type: {0}")
    @ValueSource(strings = {"multipart/form-data", "multipart/form-data; boundary=", "multipart/form-data; boundary=\"",
            "multipart/form-data; boundary=other", "multipart/form-data; boundary=bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb"})
    void aMalformedBoundaryIsA400(String contentType) throws Exception {
        HttpResponse<String> response = post(contentType, multipart("XyZ",
                "Content-Disposition: form-data; name=\"file\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n"));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type).startsWith("application/problem+json"));
    }

    @Test
    void controlCharactersInThePathAreA400NamingTheParameter() {
        given().header("Authorization", WRITER).urlEncodingEnabled(false).get("/api/media/a%00b")
                .then().statusCode(400).contentType("application/problem+json").body("errors.field", hasItem("id"));
    }

    private static byte[] multipart(String boundary, String partHeaders) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\n" + partHeaders + "\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Uploads.fixture("palette.png"));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private static HttpResponse<String> post(String contentType, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + "/api/media"))
                .header("Authorization", WRITER)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
    }
}
