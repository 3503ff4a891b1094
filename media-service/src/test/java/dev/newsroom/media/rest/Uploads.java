package dev.newsroom.media.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.TopicReader;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/**
 * What the HTTP tests upload: the committed fixtures under {@code src/test/resources/images} (a 320x240 pattern, top
 * left red, top right green, bottom left blue, bottom right light grey; see make-fixtures.sh there). Hostile files
 * come from the test-images module ({@code ImageBombs}).
 */
final class Uploads {

    private Uploads() {
    }

    static RequestSpecification asWriter() {
        return given().auth().preemptive().basic("writer", "writer");
    }

    /** Posts {@code bytes} as the multipart part "file" with the given name and declared type, as the writer. */
    static ValidatableResponse upload(String fileName, byte[] bytes, String declaredType) {
        return asWriter().multiPart("file", fileName, bytes, declaredType).when().post("/api/media").then();
    }

    static String uploadFixture(String name) {
        return upload(name, fixture(name), "application/octet-stream").statusCode(201).extract().path("id");
    }

    static byte[] fixture(String name) {
        try (InputStream in = Uploads.class.getResourceAsStream("/images/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] served(String id, String rendition) {
        return given().get("/media/{id}/{rendition}", id, rendition).then().statusCode(200).extract().asByteArray();
    }

    /** The events on newsroom.media for one asset, oldest first, once {@code count} have arrived. */
    static List<ConsumerRecord<String, String>> events(String id, int count) {
        try (TopicReader reader = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.MEDIA)) {
            return reader.awaitRecords(id, count, Duration.ofSeconds(30));
        }
    }
}
