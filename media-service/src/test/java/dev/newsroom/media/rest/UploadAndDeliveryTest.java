package dev.newsroom.media.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** An upload is stored, served back with the right headers, and announced on newsroom.media. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class UploadAndDeliveryTest {

    @Test
    void uploadIsServedAndAnnounced() throws IOException {
        byte[] png = png(1600, 900);
        String id = given().auth().preemptive().basic("writer", "writer")
                .multiPart("file", "harbour.png", png, "image/png")
                .multiPart("caption", "The harbour at dawn")
                .multiPart("credit", "Ana Ruiz / Agency")
                .multiPart("altText", "Fishing boats moored in a calm harbour")
                .when().post("/api/media")
                .then().statusCode(201)
                .body("width", equalTo(1600))
                .body("height", equalTo(900))
                .body("mimeType", equalTo("image/png"))
                .body("renditions.name", hasItems("original", "large", "thumb"))
                .extract().path("id");

        var large = given().get("/media/{id}/large", id).then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .extract();
        BufferedImage served = ImageIO.read(new ByteArrayInputStream(large.asByteArray()));
        assertThat(served.getWidth()).isLessThanOrEqualTo(1200);
        assertThat(large.header("Cache-Control")).contains("max-age=31536000");
        given().header("If-None-Match", large.header("ETag")).get("/media/{id}/large", id).then().statusCode(304);

        try (TopicReader reader = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.MEDIA)) {
            ConsumerRecord<String, String> record = reader.awaitRecords(id, 1, Duration.ofSeconds(20)).get(0);
            assertThat(TopicReader.headers(record)).containsEntry("ce_type", "newsroom.media.created");
            assertThat(record.value()).contains("The harbour at dawn").contains("/media/" + id + "/thumb");
        }
    }

    @Test
    void aFileThatIsNotAnImageIs415WhateverItsName() {
        given().auth().preemptive().basic("writer", "writer")
                .multiPart("file", "photo.jpg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>".getBytes(), "image/jpeg")
                .when().post("/api/media")
                .then().statusCode(415)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("file"));
    }

    @Test
    void uploadNeedsAUser() {
        given().multiPart("file", "a.png", new byte[] {1, 2, 3}, "image/png")
                .when().post("/api/media").then().statusCode(401);
    }

    private static byte[] png(int width, int height) throws IOException {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(30, 90, 160));
        graphics.fillRect(0, 0, width, height);
        graphics.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }
}
