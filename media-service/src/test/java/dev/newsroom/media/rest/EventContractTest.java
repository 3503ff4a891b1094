package dev.newsroom.media.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.EventContract;
import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The records media-service really puts on newsroom.media (created, updated, deleted; texts from the form and from
 * the image's own metadata) are what the AsyncAPI document in the events module says: headers, key and payload, and
 * nothing more.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class EventContractTest {

    private final EventContract contract = EventContract.load();

    @Test
    void createdUpdatedAndDeletedEventsMeetTheDocument() {
        String id = Uploads.asWriter()
                .multiPart("file", "quay.jpg", Uploads.fixture("iptc-and-xmp.jpg"), "image/jpeg")
                .multiPart("altText", "Boats moored at the quay")
                .when().post("/api/media").then().statusCode(201).extract().path("id");
        Uploads.asWriter().contentType("application/json")
                .body("{\"caption\": \"The quay at dawn\", \"credit\": \"Ana Ruiz / Agency\","
                        + " \"altText\": \"Fishing boats moored at the quay\"}")
                .when().put("/api/media/{id}", id).then().statusCode(200);
        Uploads.asWriter().when().delete("/api/media/{id}", id).then().statusCode(204);

        List<ConsumerRecord<String, String>> records = Uploads.events(id, 3);
        assertThat(records).extracting(record -> TopicReader.headers(record).get("ce_type"))
                .containsExactly("newsroom.media.created", "newsroom.media.updated", "newsroom.media.deleted");
        records.forEach(contract::assertConforms);
    }

    @Test
    void everyAcceptedImageTypeMeetsTheDocument() {
        for (String fixture : List.of("palette.png", "lossy.webp", "animated.gif")) {
            String id = Uploads.uploadFixture(fixture);
            contract.assertConforms(Uploads.events(id, 1).get(0));
        }
    }
}
