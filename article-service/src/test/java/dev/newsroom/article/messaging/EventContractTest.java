package dev.newsroom.article.messaging;

import static dev.newsroom.article.EditorsApi.create;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.etag;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.publish;
import static dev.newsroom.article.EditorsApi.unique;
import static dev.newsroom.article.EditorsApi.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.CloudEventSender;
import dev.newsroom.testsupport.EventContract;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The records article-service really puts on newsroom.articles (published, updated, unpublished, with every field
 * filled) are what the AsyncAPI document in the events module says: headers, key and payload, and nothing more.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class EventContractTest {

    private static final Duration DELIVERY = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventContract contract = EventContract.load();
    private TopicReader topic;
    private CloudEventSender media;

    @BeforeEach
    void connect() {
        topic = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.ARTICLES);
        media = new CloudEventSender(Infrastructure.shared().bootstrapServers());
    }

    @AfterEach
    void disconnect() {
        topic.close();
        media.close();
    }

    @Test
    void publishedUpdatedAndUnpublishedEventsMeetTheDocument() throws Exception {
        UUID photo = announcePhoto();
        Map<String, Object> fields = draft(unique("Harbour cranes arrive"));
        fields.put("tags", List.of("shipping", "ports"));
        fields.put("authors", List.of(Map.of("name", "Jules Moreau"), Map.of("name", "Lea Martin")));
        fields.put("language", "fr-FR");
        fields.put("related", List.of(Map.of("title", "The port last year", "url", "https://example.com/port")));
        fields.put("leadImage", Map.of("mediaId", photo.toString(), "caption", "Cranes at dawn",
                "credit", "Photo: Desk"));
        String id = await().atMost(DELIVERY).until(() -> {
            var response = writer().body(json(fields)).post("/api/articles");
            return response.statusCode() == 201 ? response.<String>path("id") : null;
        }, found -> found != null);
        publish(id);
        fields.put("correction", "An earlier version named the wrong quay.");
        editor().header("If-Match", etag(id)).body(json(fields)).put("/api/articles/{id}", id)
                .then().statusCode(200);
        editor().body(json(Map.of("reason", "Legal review"))).post("/api/articles/{id}/unpublish", id)
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> records = topic.awaitRecords(id, 3, DELIVERY);
        assertThat(records).extracting(record -> TopicReader.headers(record).get("ce_type")).containsExactly(
                "newsroom.article.published", "newsroom.article.updated", "newsroom.article.unpublished");
        records.forEach(contract::assertConforms);
    }

    @Test
    void aFieldTheDocumentDoesNotDescribeIsCaught() throws Exception {
        String id = create(draft(unique("Undocumented field")));
        publish(id);
        ConsumerRecord<String, String> real = topic.awaitRecords(id, 1, DELIVERY).get(0);
        contract.assertConforms(real);

        ObjectNode payload = (ObjectNode) JSON.readTree(real.value());
        payload.put("wordCount", 42);
        payload.putArray("authors").addObject().put("name", "Jules Moreau").put("email", "someone@example.com");
        ConsumerRecord<String, String> widened = new ConsumerRecord<>(real.topic(), real.partition(), real.offset(),
                real.key(), JSON.writeValueAsString(payload));
        real.headers().forEach(widened.headers()::add);
        widened.headers().add("x-undocumented", "1".getBytes());

        assertThat(String.join("\n", contract.problems(widened)))
                .contains("wordCount").contains("email").contains("x-undocumented");
    }

    /** Sends the media event media-service would, so the article may use the photo as its lead image. */
    private UUID announcePhoto() throws Exception {
        UUID id = UUID.randomUUID();
        Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("id", id);
        asset.put("width", 1600);
        asset.put("height", 1000);
        asset.put("mimeType", "image/jpeg");
        asset.put("bytes", 123456);
        asset.put("renditions", List.of());
        asset.put("revision", 1);
        asset.put("deleted", false);
        asset.put("createdAt", Instant.now().toString());
        asset.put("updatedAt", Instant.now().toString());
        media.send(Topics.MEDIA, id.toString(), "newsroom.media.created", JSON.writeValueAsString(asset));
        return id;
    }
}
