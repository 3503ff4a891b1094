package dev.newsroom.media.rest;

import static dev.newsroom.media.image.TestImages.BLUE;
import static dev.newsroom.media.image.TestImages.GREEN;
import static dev.newsroom.media.image.TestImages.GREY;
import static dev.newsroom.media.image.TestImages.RED;
import static dev.newsroom.media.image.TestImages.assertClose;
import static dev.newsroom.media.image.TestImages.decode;
import static dev.newsroom.media.image.TestImages.quarter;
import static dev.newsroom.media.rest.Uploads.served;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;

/** Real-world variants of each accepted format go in over HTTP and come out as upright, correctly coloured renditions. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class UploadFormatsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            // fixture,        type from the bytes, width, height, renditions' type
            "progressive.jpg,   image/jpeg, 320, 240, image/jpeg",
            "cmyk.jpg,          image/jpeg, 320, 240, image/jpeg", // CMYK stored as YCCK (Adobe APP14 transform 2)
            "cmyk-icc.jpg,      image/jpeg, 320, 240, image/jpeg", // YCCK with a Photoshop CMYK profile
            "adobe-rgb.jpg,     image/jpeg, 320, 240, image/jpeg",
            "grey.jpg,          image/jpeg, 320, 240, image/jpeg",
            "rgb16.png,         image/png,  320, 240, image/jpeg",
            "rgba16.png,        image/png,  320, 240, image/png",
            "palette.png,       image/png,  320, 240, image/jpeg",
            "palette-alpha.png, image/png,  320, 240, image/png",
            "grey16.png,        image/png,   64,  48, image/jpeg",
            "lossy.webp,        image/webp, 320, 240, image/jpeg",
            "alpha.webp,        image/webp, 320, 240, image/png",
            "animated.gif,      image/gif,  320, 240, image/jpeg",
            "transparent.gif,   image/gif,  320, 240, image/png"})
    void acceptsEachFormatDecidedFromItsBytes(String fixture, String mimeType, int width, int height,
            String renditionType) {
        // Name and declared type say nothing true: the service decides from the bytes.
        ExtractableResponse<Response> created = Uploads.upload("upload.bin", Uploads.fixture(fixture),
                        "application/octet-stream")
                .statusCode(201)
                .body("mimeType", equalTo(mimeType))
                .body("width", equalTo(width))
                .body("height", equalTo(height))
                .body("bytes", equalTo(Uploads.fixture(fixture).length))
                .body("renditions.name", contains("original", "large", "thumb"))
                .body("renditions.mimeType", everyItem(equalTo(renditionType)))
                .extract();
        String id = created.path("id");
        assertThat(created.header("Location")).endsWith("/api/media/" + id);

        Uploads.asWriter().get("/api/media/{id}", id).then().statusCode(200).body("mimeType", equalTo(mimeType));
        for (String rendition : new String[] {"original", "large", "thumb"}) {
            given().get("/media/{id}/{rendition}", id, rendition).then()
                    .statusCode(200)
                    .contentType(equalTo(renditionType))
                    .header("X-Content-Type-Options", "nosniff");
            BufferedImage image = decode(served(id, rendition));
            assertThat(image.getWidth()).as(rendition).isEqualTo(width);
            assertThat(image.getHeight()).as(rendition).isEqualTo(height);
        }
    }

    @Test
    void convertsCmykToTheRightSrgbColours() {
        // Made from the sRGB pattern with a plain conversion: read back the same way, it is the pattern again.
        BufferedImage plain = decode(served(Uploads.uploadFixture("cmyk.jpg"), "original"));
        assertClose(quarter(plain, 0, 0), RED, 16);
        assertClose(quarter(plain, 1, 0), GREEN, 16);
        assertClose(quarter(plain, 0, 1), BLUE, 16);
        assertClose(quarter(plain, 1, 1), GREY, 16);

        // Converted with a CMYK ICC v4 profile, which it carries: LittleCMS's reading of it (ImageMagick 6.9) is the
        // reference. Read without the profile, the grey would be 148 and the red (133, 23, 8).
        BufferedImage profiled = decode(served(Uploads.uploadFixture("cmyk-icc.jpg"), "original"));
        assertClose(quarter(profiled, 0, 0), new Color(217, 85, 47), 12);
        assertClose(quarter(profiled, 1, 0), new Color(65, 180, 70), 12);
        assertClose(quarter(profiled, 0, 1), new Color(94, 79, 200), 12);
        assertClose(quarter(profiled, 1, 1), GREY, 12);
    }

    @Test
    void turnsAPhotoWithExifOrientation6Upright() {
        String id = Uploads.upload("sideways.jpg", Uploads.fixture("orientation-6.jpg"), "image/jpeg")
                .statusCode(201)
                .body("width", equalTo(240))
                .body("height", equalTo(320))
                .body("renditions.width", everyItem(equalTo(240)))
                .body("renditions.height", everyItem(equalTo(320)))
                .extract().path("id");

        BufferedImage upright = decode(served(id, "original"));
        assertThat(upright.getWidth()).isLessThan(upright.getHeight());
        // Stored with red top left and green top right; turned 90 degrees clockwise, red is top right, green bottom right.
        assertClose(quarter(upright, 1, 0), RED, 16);
        assertClose(quarter(upright, 1, 1), GREEN, 16);
        assertClose(quarter(upright, 0, 0), BLUE, 16);
        assertClose(quarter(upright, 0, 1), GREY, 16);
    }

    @Test
    void usesTheFirstFrameOfAnAnimatedGif() {
        // Frame one is red, frame two blue.
        assertClose(quarter(decode(served(Uploads.uploadFixture("animated.gif"), "thumb")), 1, 1), RED, 12);
    }

    @Test
    void scalesALargePhotoToTheRenditionWidths() throws IOException {
        BufferedImage photo = new BufferedImage(2400, 1600, BufferedImage.TYPE_3BYTE_BGR);
        ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
        ImageIO.write(photo, "jpeg", jpeg);

        Uploads.upload("wide.jpg", jpeg.toByteArray(), "image/jpeg")
                .statusCode(201)
                .body("renditions.width", contains(2400, 1200, 400))
                .body("renditions.height", contains(1600, 800, 267))
                .body("renditions.url", contains(endsWith("/original"), endsWith("/large"), endsWith("/thumb")));
    }
}
