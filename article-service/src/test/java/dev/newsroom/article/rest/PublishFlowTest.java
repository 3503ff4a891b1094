package dev.newsroom.article.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The skeleton path through the real database and broker: draft, publish, event on the topic. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class PublishFlowTest {

    @Test
    void publishingWritesACloudEventKeyedByTheArticle() throws Exception {
        String id = given().auth().preemptive().basic("writer", "writer")
                .contentType(ContentType.JSON)
                .body(Map.of("headline", "Flood waters recede in Valencia", "summary", "Residents return.",
                        "body", "<p>Residents return home.</p>", "section", "world"))
                .when().post("/api/articles")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("slug", equalTo("flood-waters-recede-in-valencia"))
                .extract().path("id");

        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON).body("{}")
                .when().post("/api/articles/{id}/publish", id)
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        try (TopicReader reader = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.ARTICLES)) {
            ConsumerRecord<String, String> record = reader.awaitRecords(id, 1, Duration.ofSeconds(20)).get(0);
            Map<String, String> headers = TopicReader.headers(record);
            assertThat(headers).containsEntry("ce_type", "newsroom.article.published")
                    .containsEntry("ce_specversion", "1.0")
                    .containsEntry("ce_subject", id)
                    .containsKeys("ce_id", "ce_source", "ce_time");
            JsonNode data = new ObjectMapper().readTree(record.value());
            assertThat(data.get("headline").asText()).isEqualTo("Flood waters recede in Valencia");
            assertThat(data.get("revision").asInt()).isEqualTo(2);
            assertThat(data.get("status").asText()).isEqualTo("PUBLISHED");
        }
    }

    @Test
    void missingHeadlineIsAProblemNamingTheField() {
        given().auth().preemptive().basic("writer", "writer")
                .contentType(ContentType.JSON)
                .body(Map.of("section", "world"))
                .when().post("/api/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", hasItem("headline"));
    }

    @Test
    void writersCannotPublishAndStrangersCannotWrite() {
        String id = given().auth().preemptive().basic("writer", "writer")
                .contentType(ContentType.JSON)
                .body(Map.of("headline", "Roles matter", "section", "world"))
                .when().post("/api/articles").then().statusCode(201).extract().path("id");
        given().auth().preemptive().basic("writer", "writer").contentType(ContentType.JSON).body("{}")
                .when().post("/api/articles/{id}/publish", id).then().statusCode(403);
        given().contentType(ContentType.JSON).body(Map.of("headline", "x", "section", "y"))
                .when().post("/api/articles").then().statusCode(401);
    }
}
