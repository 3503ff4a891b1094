package dev.newsroom.article.messaging;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.etag;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.publish;
import static dev.newsroom.article.EditorsApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The outbox when the broker is gone: editors keep publishing, the relay's sends fail and are retried, and every
 * event arrives, in order, once the broker is back; rows are marked sent only after the broker acknowledged them.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class OutboxOutageTest {

    private static final Pattern FAILURES = Pattern.compile("^newsroom_outbox_failures_total(?:\\{[^}]*})? (\\S+)$",
            Pattern.MULTILINE);

    @Test
    void publishingSucceedsWhileTheBrokerIsDownAndTheEventsArriveWhenItReturns() {
        String id = createDraft(unique("Published during an outage"));
        double failuresBefore = failures();

        try (Infrastructure.Outage outage = Infrastructure.shared().kafkaOutage()) {
            long started = System.nanoTime();
            publish(id);
            editor().header("If-Match", etag(id)).body(json(draft("Corrected during the outage")))
                    .put("/api/articles/{id}", id).then().statusCode(200);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).as("publishing waits for no broker")
                    .isLessThan(Duration.ofSeconds(3));

            // The relay tried, the broker did not acknowledge: the rows stay unsent and the failure is counted.
            await().atMost(Duration.ofSeconds(30)).until(() -> failures() > failuresBefore);
            editor().get("/api/articles/{id}/events", id).then().statusCode(200)
                    .body("size()", equalTo(2)).body("[0].sentAt", nullValue()).body("[1].sentAt", nullValue());
        }

        try (TopicReader topic = new TopicReader(Infrastructure.shared().bootstrapServers(), Topics.ARTICLES)) {
            List<ConsumerRecord<String, String>> records = topic.awaitRecords(id, 2, Duration.ofSeconds(90));
            assertThat(records).extracting(record -> TopicReader.headers(record).get("ce_type"))
                    .startsWith("newsroom.article.published", "newsroom.article.updated");
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    editor().get("/api/articles/{id}/events", id).then()
                            .body("[0].sentAt", notNullValue()).body("[1].sentAt", notNullValue()));

            // The same emitter still works after the failed sends: a later event goes straight through.
            String after = createDraft(unique("Published after the outage"));
            publish(after);
            topic.awaitRecords(after, 1, Duration.ofSeconds(20));
        }
    }

    private static double failures() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = FAILURES.matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }
}
