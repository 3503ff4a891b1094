package dev.newsroom.media.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;

/**
 * Agency photos bring their caption, credit and by-line in IPTC or XMP; where the uploader gives none, the asset takes
 * them, with every character intact, through the API and the created event.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class EmbeddedTextTest {

    private static final String CAPTION = "Zürich – 東京: Delegation arrives for talks";
    private static final String CREDIT = "Agentur Zürich / 東京通信";
    private static final String BYLINES = "Jürgen Müller, 山田 太郎";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"iptc-utf8.jpg", "xmp-only.jpg"})
    void takesCaptionCreditAndBylineFromIptcOrXmp(String fixture) throws JsonProcessingException {
        String id = Uploads.upload("agency.jpg", Uploads.fixture(fixture), "image/jpeg")
                .statusCode(201)
                .body("caption", equalTo(CAPTION))
                .body("credit", equalTo(CREDIT))
                .body("byline", equalTo(BYLINES))
                .extract().path("id");

        Uploads.asWriter().get("/api/media/{id}", id).then()
                .body("caption", equalTo(CAPTION))
                .body("credit", equalTo(CREDIT))
                .body("byline", equalTo(BYLINES));
        ConsumerRecord<String, String> created = Uploads.events(id, 1).get(0);
        assertThat(TopicReader.headers(created)).containsEntry("ce_type", "newsroom.media.created");
        JsonNode data = new ObjectMapper().readTree(created.value());
        assertThat(data.path("caption").asText()).isEqualTo(CAPTION);
        assertThat(data.path("credit").asText()).isEqualTo(CREDIT);
        assertThat(data.path("byline").asText()).isEqualTo(BYLINES);
    }

    /** Each fixture's text as the asset takes it; an empty cell is a field left empty. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // Latin-1 IPTC without a character set record
        "iptc-latin1.jpg  | image/jpeg | Zürich, Genève: Sitzung | Bildagentur Zürich |",
        // XMP first, its gaps filled from IPTC
        "iptc-and-xmp.jpg | image/jpeg | XMP caption             | IPTC credit        | XMP creator",
        "xmp.png          | image/png  | " + CAPTION + "         | PNG credit         | 山田 太郎",
        "xmp.webp         | image/webp | " + CAPTION + "         | WebP credit        |",
        // no embedded text at all
        "progressive.jpg  | image/jpeg |                         |                    |",
    })
    void takesTheEmbeddedTextOfEachFormat(String fixture, String type, String caption, String credit, String byline) {
        Uploads.upload("agency." + fixture.substring(fixture.lastIndexOf('.') + 1), Uploads.fixture(fixture), type)
                .statusCode(201)
                .body("caption", equalTo(caption))
                .body("credit", equalTo(credit))
                .body("byline", equalTo(byline));
    }

    @Test
    void keepsWhatTheUploaderTypedAndFillsOnlyTheBlanks() {
        String typed = "Ελληνικά – 日本語 ✓ 🚀 caption typed by the desk";

        Uploads.asWriter()
                .multiPart(new MultiPartSpecBuilder(Uploads.fixture("iptc-utf8.jpg")).controlName("file")
                        .fileName("agency.jpg").mimeType("image/jpeg").build())
                .multiPart(new MultiPartSpecBuilder(typed).controlName("caption").charset(StandardCharsets.UTF_8).build())
                .multiPart(new MultiPartSpecBuilder("  ").controlName("credit").charset(StandardCharsets.UTF_8).build())
                .multiPart(new MultiPartSpecBuilder("Delegates shake hands").controlName("altText")
                        .charset(StandardCharsets.UTF_8).build())
                .when().post("/api/media")
                .then().statusCode(201)
                .body("caption", equalTo(typed))
                .body("credit", equalTo(CREDIT))
                .body("altText", equalTo("Delegates shake hands"));
    }
}
