package dev.newsroom.media.rest;

import static dev.newsroom.media.rest.Uploads.upload;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.testimages.ImageBombs;
import dev.newsroom.testimages.ImageBytes;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * Hostile and mistaken uploads are refused with a problem document naming the field "file", before they cost memory:
 * decompression bombs from their header, lies about the type from the bytes, oversized bodies from their length.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class UploadSafetyTest {

    /** Far below the gigabytes that decoding any bomb would take, far above what answering a request allocates. */
    private static final long HEADER_ONLY_ALLOCATION = 64L * 1024 * 1024;

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "png, 60000 x 60000",
            "jpeg, 60000 x 60000",
            "gif, 65535 x 65535",
            "webp, 16384 x 16384"})
    void refusesADecompressionBombFromItsHeaderWithoutTheServiceAllocatingItsPixels(String format, String declared) {
        byte[] bomb = switch (format) {
            case "png" -> ImageBombs.png();
            case "jpeg" -> ImageBombs.jpeg(Uploads.fixture("progressive.jpg"));
            case "gif" -> ImageBombs.gif();
            default -> ImageBombs.webp();
        };
        long before = allocatedByAllThreads();

        upload("holiday." + format, bomb, "image/" + format)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("status", equalTo(422))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", containsString(declared))
                .body("errors[0].reason", containsString("megapixels"))
                .time(lessThan(5_000L));

        assertThat(allocatedByAllThreads() - before).isLessThan(HEADER_ONLY_ALLOCATION);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "logo.png  | image/png     | <?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg> | SVG",
            "photo.jpg | image/jpeg    | <svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>                                  | SVG",
            "photo.jpg | image/jpeg    | <!DOCTYPE html><html><body><script>alert(1)</script></body></html>                              | HTML",
            "scan.gif  | image/gif     | %PDF-1.7 trailer                                                                                 | PDF",
            "photo.jpg | image/svg+xml | II*\u0000 a TIFF                                                                                  | TIFF"})
    void refusesAFileThatIsNoAcceptedImageWhateverItsNameOrDeclaredType(String name, String declaredType, String content,
            String recognised) {
        upload(name, content.getBytes(StandardCharsets.UTF_8), declaredType)
                .statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", containsString("JPEG, PNG, WebP and GIF"))
                .body("errors[0].reason", containsString(recognised));
    }

    @Test
    void takesAPngNamedAndDeclaredAsJpegForThePngItIs() {
        upload("photo.jpg", Uploads.fixture("palette.png"), "image/jpeg")
                .statusCode(201)
                .body("mimeType", equalTo("image/png"));
    }

    @Test
    void refusesAFileThatOnlyStartsLikeAnImage() {
        byte[] fake = ImageBytes.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "not really a JPEG at all".getBytes(StandardCharsets.US_ASCII));

        upload("photo.jpg", fake, "image/jpeg")
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", containsString("JPEG"));
    }

    @Test
    void refusesAnImageOverThirtyMegabytesThatFitsTheRequestLimit() {
        byte[] large = new byte[30 * 1024 * 1024 + 512 * 1024];
        System.arraycopy(Uploads.fixture("progressive.jpg"), 0, large, 0, 1024);

        upload("huge.jpg", large, "image/jpeg")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("title", equalTo("Content too large"))
                .body("errors[0].field", equalTo("file"))
                .body("errors[0].reason", containsString("30.0 MB"));
    }

    @Test
    void answersABodyOverTheRequestLimitWithAProblemBeforeReadingIt() throws IOException {
        long declared = 40L * 1024 * 1024;
        String head = "POST /api/media HTTP/1.1\r\n"
                + "Host: localhost\r\n"
                + "Authorization: Basic " + Base64.getEncoder().encodeToString("writer:writer".getBytes(StandardCharsets.UTF_8)) + "\r\n"
                + "Content-Type: multipart/form-data; boundary=b\r\n"
                + "Content-Length: " + declared + "\r\n\r\n";
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            // Not a byte of the body is sent: the answer must come from the declared length alone.
            String response = readUntilClosed(socket.getInputStream());

            assertThat(response).startsWith("HTTP/1.1 413");
            assertThat(response.toLowerCase()).contains("content-type: application/problem+json");
            JsonNode problem = new ObjectMapper().readTree(response.substring(response.indexOf("\r\n\r\n") + 4));
            assertThat(problem.path("status").asInt()).isEqualTo(413);
            assertThat(problem.path("title").asText()).isEqualTo("Content too large");
            assertThat(problem.path("errors").path(0).path("field").asText()).isEqualTo("file");
            assertThat(problem.path("detail").asText()).contains("40.0 MB", "30.0 MB");
        }
    }

    @Test
    void needsTheFilePart() {
        Uploads.asWriter().multiPart("caption", "A caption without a picture").when().post("/api/media")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    void refusesTextTooLongForItsFieldNamingEachField() {
        Uploads.asWriter()
                .multiPart("file", "a.png", Uploads.fixture("palette.png"), "image/png")
                .multiPart("caption", "é".repeat(5001))
                .multiPart("credit", "x".repeat(501))
                .when().post("/api/media")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("caption", "credit"))
                .body("errors.find { it.field == 'caption' }.reason", containsString("5001 characters"));
    }

    @Test
    void needsAWriterOrEditor() {
        byte[] png = Uploads.fixture("palette.png");
        given().multiPart("file", "a.png", png, "image/png").when().post("/api/media").then().statusCode(401);
        given().auth().preemptive().basic("reader", "reader").multiPart("file", "a.png", png, "image/png")
                .when().post("/api/media").then().statusCode(403);
        given().auth().preemptive().basic("editor", "editor").multiPart("file", "a.png", png, "image/png")
                .when().post("/api/media").then().statusCode(201);
    }

    private static long allocatedByAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        return Arrays.stream(threads.getThreadAllocatedBytes(threads.getAllThreadIds())).filter(bytes -> bytes > 0).sum();
    }

    private static String readUntilClosed(InputStream in) throws IOException {
        ByteArrayOutputStream response = new ByteArrayOutputStream();
        in.transferTo(response);
        return response.toString(StandardCharsets.UTF_8);
    }
}
