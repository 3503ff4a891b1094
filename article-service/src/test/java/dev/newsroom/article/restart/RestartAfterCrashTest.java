package dev.newsroom.article.restart;

import static dev.newsroom.article.EditorsApi.editor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.NewsroomTestResource;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * A service started on the database a crash left behind (db/left-by-a-crash, the state CrashAfterCommitTest shows a
 * dying process leaving): from the database alone it sends the event that was committed but never sent, and fires,
 * once, the publication that fell due while nothing ran.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
@TestProfile(RestartAfterCrashTest.LeftByACrash.class)
class RestartAfterCrashTest {

    private static final String PUBLISHED = "0f6d1c3e-5b7a-4c1d-9e2f-3a4b5c6d7e01";
    private static final String SCHEDULED = "0f6d1c3e-5b7a-4c1d-9e2f-3a4b5c6d7e02";
    private static final Instant SCHEDULED_AT = Instant.parse("2026-01-01T08:00:00Z");

    /** The normal service, on a database of its own that Flyway fills with what the crash left before it starts. */
    public static class LeftByACrash implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.flyway.locations", "db/migration,db/outbox,db/left-by-a-crash");
        }
    }

    @Test
    void theNextProcessSendsWhatWasCommittedAndFiresWhatFellDueExactlyOnce() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        try (TopicReader topic = new TopicReader(bootstrap, Topics.ARTICLES)) {
            ConsumerRecord<String, String> sent = topic.awaitRecords(PUBLISHED, 1, Duration.ofSeconds(60)).get(0);
            assertThat(TopicReader.headers(sent)).containsEntry("ce_type", "newsroom.article.published");

            List<ConsumerRecord<String, String>> fired = topic.awaitRecords(SCHEDULED, 1, Duration.ofSeconds(60));
            assertThat(TopicReader.headers(fired.get(0))).containsEntry("ce_type", "newsroom.article.published");
            JsonPath article = editor().get("/api/articles/{id}", SCHEDULED).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(article.getString("status")).isEqualTo("PUBLISHED");
            assertThat(Instant.parse(article.getString("publishedAt"))).isAfter(SCHEDULED_AT);

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(topic.seen(record -> SCHEDULED.equals(record.key()))).hasSize(1));
        }
        editor().get("/api/articles/{id}/events", PUBLISHED).then().statusCode(200)
                .body("[0].sentAt", notNullValue());
    }
}
