package dev.newsroom.article.rest;

import static dev.newsroom.article.EditorsApi.create;
import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.etag;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.publish;
import static dev.newsroom.article.EditorsApi.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.Topics;
import dev.newsroom.outbox.OutboxRelay;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The workflow as readers' feeds see it: what reaches newsroom.articles, when, in which order, and what never does. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class PublishingTest {

    private static final Duration DELIVERY = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private TopicReader topic;

    @BeforeEach
    void readTopic() {
        topic = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.ARTICLES);
    }

    @AfterEach
    void closeTopic() {
        topic.close();
    }

    @Test
    void publishingSendsTheFullStateAsABinaryCloudEventKeyedByTheArticle() throws Exception {
        Map<String, Object> fields = draft(unique("Flood waters recede in Valencia"));
        fields.put("tags", List.of("weather"));
        fields.put("authors", List.of(Map.of("name", "Marta Gil")));
        fields.put("related", List.of(Map.of("title", "Earlier", "url", "https://example.com/a")));
        String id = create(fields);
        publish(id);

        ConsumerRecord<String, String> record = topic.awaitRecords(id, 1, DELIVERY).get(0);
        assertThat(TopicReader.headers(record))
                .containsEntry("ce_type", "newsroom.article.published")
                .containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_source", "/article-service")
                .containsKeys("ce_id", "ce_time");
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.get("id").asText()).isEqualTo(id);
        assertThat(data.get("headline").asText()).isEqualTo(fields.get("headline"));
        assertThat(data.get("body").asText()).isEqualTo("<p>Body text.</p>");
        assertThat(data.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(data.get("revision").asInt()).isEqualTo(2);
        assertThat(data.get("tags").get(0).asText()).isEqualTo("weather");
        assertThat(data.get("authors").get(0).get("name").asText()).isEqualTo("Marta Gil");
        assertThat(data.get("related").get(0).get("url").asText()).isEqualTo("https://example.com/a");
        assertThat(data.get("firstPublishedAt").asText()).isEqualTo(data.get("publishedAt").asText());

        // Publishing again (a retried request) changes nothing and sends nothing.
        editor().body("{}").post("/api/articles/{id}/publish", id).then().statusCode(200).body("revision", equalTo(2));
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                editor().get("/api/articles/{id}/events", id).then().statusCode(200)
                        .body("size()", equalTo(1)).body("[0].sentAt", notNullValue())
                        .body("[0].type", equalTo("newsroom.article.published"))
                        .body("[0].data.revision", equalTo(2)));
    }

    @Test
    void anotherServiceDrainingItsOutboxDoesNotHoldThisOneBack() throws Exception {
        // media-service's relay shares the database: while it holds its lock (a long pass, a broker outage), this
        // service's events still leave.
        int[] media = OutboxRelay.advisoryLock("media-service");
        try (Connection connection = Infrastructure.shared().connect()) {
            connection.setAutoCommit(false);
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?, ?)")) {
                lock.setInt(1, media[0]);
                lock.setInt(2, media[1]);
                lock.execute();
            }
            String id = createDraft(unique("Published while the picture desk's relay drains"));
            publish(id);

            assertThat(topic.awaitRecords(id, 1, DELIVERY)).hasSize(1);
            connection.rollback();
        }
    }

    @Test
    void aCorrectionRepublishesAsAnUpdateKeepingTheFirstPublicationTime() throws Exception {
        String headline = unique("Budget passes");
        String id = createDraft(headline);
        publish(id);
        JsonNode published = data(topic.awaitRecords(id, 1, DELIVERY).get(0));

        Map<String, Object> corrected = draft(headline);
        corrected.put("body", "<p>The budget passed by 31 votes to 20.</p>");
        corrected.put("correction", "An earlier version gave the wrong vote count.");
        editor().header("If-Match", etag(id)).body(json(corrected)).put("/api/articles/{id}", id)
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        List<ConsumerRecord<String, String>> records = topic.awaitRecords(id, 2, DELIVERY);
        assertThat(TopicReader.headers(records.get(1))).containsEntry("ce_type", "newsroom.article.updated");
        JsonNode updated = data(records.get(1));
        assertThat(updated.get("id").asText()).isEqualTo(id);
        assertThat(updated.get("revision").asInt()).isGreaterThan(published.get("revision").asInt());
        assertThat(updated.get("correction").asText()).isEqualTo("An earlier version gave the wrong vote count.");
        assertThat(updated.get("body").asText()).contains("31 votes");
        assertThat(updated.get("firstPublishedAt").asText()).isEqualTo(published.get("firstPublishedAt").asText());
        assertThat(updated.get("publishedAt").asText()).isEqualTo(published.get("publishedAt").asText());

        // Restoring the first text is a save too: republished as an update, again with a higher revision.
        editor().post("/api/articles/{id}/revisions/1/restore", id).then().statusCode(200);
        JsonNode restored = data(topic.awaitRecords(id, 3, DELIVERY).get(2));
        assertThat(restored.get("body").asText()).isEqualTo("<p>Body text.</p>");
        assertThat(restored.get("revision").asInt()).isGreaterThan(updated.get("revision").asInt());
        assertThat(restored.get("firstPublishedAt").asText()).isEqualTo(published.get("firstPublishedAt").asText());
    }

    @Test
    void unpublishingNeedsAReasonAndSendsIt() throws Exception {
        String id = createDraft(unique("Taken down"));
        publish(id);
        editor().body("{}").post("/api/articles/{id}/unpublish", id).then().statusCode(400)
                .body("errors.field", hasItem("reason"));
        editor().body("{\"reason\": \"Legal review\"}").post("/api/articles/{id}/unpublish", id)
                .then().statusCode(200).body("status", equalTo("UNPUBLISHED"));
        editor().body("{\"reason\": \"again\"}").post("/api/articles/{id}/unpublish", id).then().statusCode(409);

        List<ConsumerRecord<String, String>> records = topic.awaitRecords(id, 2, DELIVERY);
        assertThat(TopicReader.headers(records.get(1))).containsEntry("ce_type", "newsroom.article.unpublished");
        assertThat(data(records.get(1)).get("unpublishReason").asText()).isEqualTo("Legal review");
        assertThat(data(records.get(1)).get("status").asText()).isEqualTo("UNPUBLISHED");

        publish(id);
        JsonNode again = data(topic.awaitRecords(id, 3, DELIVERY).get(2));
        assertThat(again.get("status").asText()).isEqualTo("PUBLISHED");
        assertThat(again.get("firstPublishedAt").asText()).isEqualTo(data(records.get(0)).get("firstPublishedAt").asText());
    }

    @Test
    void aScheduledPublicationFiresWithinASecondOfItsTimeAndOnlyOnce() throws Exception {
        String id = createDraft(unique("Scheduled"));
        Instant at = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.MILLIS);
        editor().body(Map.of("at", at.toString())).post("/api/articles/{id}/publish", id)
                .then().statusCode(200).body("status", equalTo("SCHEDULED")).body("scheduledAt", equalTo(at.toString()));
        // Pressing publish on a scheduled article does not release it early.
        editor().body("{}").post("/api/articles/{id}/publish", id).then().statusCode(409);
        assertThat(topic.seen(record -> id.equals(record.key()))).isEmpty();

        JsonNode data = data(topic.awaitRecords(id, 1, DELIVERY).get(0));
        Instant publishedAt = Instant.parse(data.get("publishedAt").asText());
        assertThat(publishedAt).isAfterOrEqualTo(at).isBefore(at.plusSeconds(1));
        assertThat(data.get("scheduledAt").isNull()).as("data.get(\"scheduledAt\").isNull()").isTrue();

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(topic.seen(record -> id.equals(record.key()))).hasSize(1));
        editor().get("/api/articles/{id}/revisions", id).then().body("[0].savedBy", equalTo("scheduler"));
    }

    @Test
    void aCancelledScheduleNeverFires() {
        String id = createDraft(unique("Cancelled"));
        Instant at = Instant.now().plusSeconds(3);
        editor().body(Map.of("at", at.toString())).post("/api/articles/{id}/publish", id)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));
        editor().post("/api/articles/{id}/unpublish", id).then().statusCode(200)
                .body("status", equalTo("DRAFT")).body("scheduledAt", nullValue());

        await().during(Duration.between(Instant.now(), at).plusSeconds(1)).atMost(Duration.ofSeconds(8))
                .untilAsserted(() ->
                assertThat(topic.seen(record -> id.equals(record.key()))).isEmpty());
        editor().get("/api/articles/{id}", id).then().body("status", equalTo("DRAFT"));
    }

    @Test
    void anEmbargoedArticleNeverComesOutBeforeItsTimeWhoeverPressesPublish() throws Exception {
        Map<String, Object> fields = draft(unique("Embargoed results"));
        Instant embargo = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
        fields.put("embargoUntil", embargo.toString());
        String id = create(fields);

        editor().body("{}").post("/api/articles/{id}/publish", id).then().statusCode(200)
                .body("status", equalTo("SCHEDULED")).body("scheduledAt", equalTo(embargo.toString()));
        // "Now" still means "when the embargo ends": the same schedule, not an early release.
        editor().body(Map.of("at", Instant.now().toString())).post("/api/articles/{id}/publish", id)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"))
                .body("scheduledAt", equalTo(embargo.toString()));
        editor().body("{}").post("/api/articles/{id}/publish", id).then().statusCode(200)
                .body("status", equalTo("SCHEDULED"));
        JsonPath article = editor().get("/api/articles/{id}", id).then().extract().jsonPath();
        assertThat(article.getString("status")).isEqualTo("SCHEDULED");
        assertThat(topic.seen(record -> id.equals(record.key()))).isEmpty();

        JsonNode data = data(topic.awaitRecords(id, 1, DELIVERY).get(0));
        assertThat(Instant.parse(data.get("publishedAt").asText())).isAfterOrEqualTo(embargo);
    }

    @Test
    void aLaterEmbargoMovesTheScheduleAndAPublishedArticleCannotBeEmbargoed() {
        String headline = unique("Moved");
        String id = createDraft(headline);
        Instant at = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        editor().body(Map.of("at", at.toString())).post("/api/articles/{id}/publish", id).then().statusCode(200);
        Map<String, Object> later = draft(headline);
        Instant embargo = at.plusSeconds(600);
        later.put("embargoUntil", embargo.toString());
        editor().header("If-Match", etag(id)).body(json(later)).put("/api/articles/{id}", id).then().statusCode(200)
                .body("scheduledAt", equalTo(embargo.toString()));
        editor().post("/api/articles/{id}/unpublish", id).then().statusCode(200);

        String live = createDraft(unique("Live"));
        publish(live);
        Map<String, Object> embargoed = draft("Live");
        embargoed.put("embargoUntil", Instant.now().plusSeconds(600).toString());
        editor().header("If-Match", etag(live)).body(json(embargoed)).put("/api/articles/{id}", live)
                .then().statusCode(409);
    }

    @Test
    void anOperatorReadsTheOrderedEventHistoryOfOneArticle() {
        String id = createDraft(unique("History"));
        publish(id);
        editor().header("If-Match", etag(id)).body(json(draft("History, corrected"))).put("/api/articles/{id}", id)
                .then().statusCode(200);
        editor().body("{\"reason\": \"Withdrawn\"}").post("/api/articles/{id}/unpublish", id).then().statusCode(200);

        List<ConsumerRecord<String, String>> records = topic.awaitRecords(id, 3, DELIVERY);
        assertThat(records).extracting(record -> TopicReader.headers(record).get("ce_type")).containsExactly(
                "newsroom.article.published", "newsroom.article.updated", "newsroom.article.unpublished");
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
            JsonPath history = editor().get("/api/articles/{id}/events", id).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(history.getList("type")).containsExactly(
                    "newsroom.article.published", "newsroom.article.updated", "newsroom.article.unpublished");
            assertThat(history.getList("sequence", Long.class)).isSorted();
            assertThat(history.getList("data.revision", Integer.class)).containsExactly(2, 3, 4);
            assertThat(history.getList("sentAt")).doesNotContainNull();
            assertThat(history.getList("eventId")).containsExactlyElementsOf(records.stream()
                    .map(record -> TopicReader.headers(record).get("ce_id")).toList());
        });
    }

    private static JsonNode data(ConsumerRecord<String, String> record) throws Exception {
        return JSON.readTree(record.value());
    }
}
