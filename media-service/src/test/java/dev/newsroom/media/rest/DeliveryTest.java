package dev.newsroom.media.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.photoshop.PhotoshopDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** What readers get: metadata-free renditions with exact types and headers that let caches keep them for a year. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class DeliveryTest {

    private static final List<String> RENDITIONS = List.of("original", "large", "thumb");

    @Test
    void servesNoGpsSerialNumberOrOtherEmbeddedMetadataInAnyRendition() throws Exception {
        byte[] upload = Uploads.fixture("gps-serial.jpg");
        Metadata uploaded = ImageMetadataReader.readMetadata(new ByteArrayInputStream(upload));
        assertThat(uploaded.getFirstDirectoryOfType(GpsDirectory.class)).as("the fixture has GPS").isNotNull();
        assertThat(new String(upload, StandardCharsets.ISO_8859_1)).as("the fixture has serial numbers")
                .contains("SN-4711-SECRET", "LS-0815-SECRET");
        String id = Uploads.upload("private.jpg", upload, "image/jpeg").statusCode(201).extract().path("id");

        for (String rendition : RENDITIONS) {
            byte[] served = Uploads.served(id, rendition);
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(served));
            for (Class<? extends Directory> leaking : List.of(GpsDirectory.class, ExifIFD0Directory.class,
                    ExifSubIFDDirectory.class, XmpDirectory.class, IptcDirectory.class, PhotoshopDirectory.class)) {
                assertThat(metadata.getDirectoriesOfType(leaking)).as("%s in %s", leaking.getSimpleName(), rendition)
                        .isEmpty();
            }
            assertThat(new String(served, StandardCharsets.ISO_8859_1)).as(rendition)
                    .doesNotContain("SN-4711", "LS-0815", "SampleCam", "Model 7", "Private Person", "Secret");
        }
        // The upload as received is kept, with its EXIF, and never served.
        given().get("/media/{id}/upload", id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void servesExactTypeNosniffStrongEtagAndAYearOfCaching() throws Exception {
        String id = Uploads.uploadFixture("progressive.jpg");

        for (String rendition : RENDITIONS) {
            ExtractableResponse<Response> served = given().get("/media/{id}/{rendition}", id, rendition).then()
                    .statusCode(200)
                    .contentType(equalTo("image/jpeg"))
                    .header("X-Content-Type-Options", "nosniff")
                    .header("Cache-Control", equalTo("public, max-age=31536000, immutable"))
                    .extract();
            byte[] body = served.asByteArray();
            String etag = served.header("ETag");
            assertThat(etag).as("a strong ETag: the SHA-256 of the bytes")
                    .isEqualTo("\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)) + "\"");
            assertThat(served.header("Content-Length")).isEqualTo(Integer.toString(body.length));

            given().header("If-None-Match", etag).get("/media/{id}/{rendition}", id, rendition).then()
                    .statusCode(304)
                    .header("ETag", etag);
        }
    }

    @Test
    void answersUnknownAssetsAndRenditionsWithNotFound() {
        String id = Uploads.uploadFixture("palette.png");

        given().get("/media/{id}/poster", id).then().statusCode(404).contentType("application/problem+json");
        given().get("/media/{id}/thumb", "00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().get("/media/not-an-id/thumb").then().statusCode(404);
    }
}
