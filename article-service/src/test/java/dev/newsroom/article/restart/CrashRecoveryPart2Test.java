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
import org.junit.jupiter.api.Test;

import dev.newsroom.events.Topics;
import dev.newsroom.testsupport.TopicReader;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * Second life of the service, started fresh after CrashRecoveryPart1Test on the same database and broker: from the
 * database alone it sends the event the first process committed but never sent, and fires, once, the publication
 * that fell due while it was down.
 *
 * <p>It needs the first life to have run before it in the same JVM: Quarkus' class orderer groups test classes by
 * their test profile and orders the profiles by name, so {@code CrashRecoveryPart1Test$DiesAfterCommitting} comes
 * before {@code CrashRecoveryPart2Test$Restarted} in every run of the module. Run alone, this class fails and says
 * so; run both with {@code -Dtest='CrashRecovery*'}.
 */
@QuarkusTest
@TestProfile(CrashRecoveryPart2Test.Restarted.class)
class CrashRecoveryPart2Test {

    /** The normal service, started again on the database and broker of the first life. */
    public static class Restarted implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(FirstLifeInfrastructure.class));
        }
    }

    /** The PostgreSQL and Kafka that CrashRecoveryPart1Test ran on, which stay up until the JVM exits. */
    public static class FirstLifeInfrastructure implements QuarkusTestResourceLifecycleManager {
        @Override
        public Map<String, String> start() {
            return Map.of(
                    "kafka.bootstrap.servers", firstLife(CrashRecoveryPart1Test.BOOTSTRAP),
                    "quarkus.datasource.jdbc.url", firstLife(CrashRecoveryPart1Test.JDBC_URL),
                    "quarkus.datasource.username", firstLife(CrashRecoveryPart1Test.DB_USER),
                    "quarkus.datasource.password", firstLife(CrashRecoveryPart1Test.DB_PASSWORD),
                    "quarkus.devservices.enabled", "false");
        }

        @Override
        public void stop() {
            // Owned by the first life's Infrastructure, stopped when the JVM exits.
        }
    }

    private static String firstLife(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new IllegalStateException("CrashRecoveryPart1Test must run first, in the same JVM "
                    + "(e.g. -Dtest='CrashRecovery*'): " + property + " is not set");
        }
        return value;
    }

    @Test
    void theNextProcessSendsWhatWasCommittedAndFiresWhatFellDueExactlyOnce() {
        String published = firstLife(CrashRecoveryPart1Test.PUBLISHED);
        String scheduled = firstLife(CrashRecoveryPart1Test.SCHEDULED);
        Instant scheduledAt = Instant.parse(firstLife(CrashRecoveryPart1Test.SCHEDULED_AT));

        try (TopicReader topic = new TopicReader(firstLife(CrashRecoveryPart1Test.BOOTSTRAP), Topics.ARTICLES)) {
            ConsumerRecord<String, String> sent = topic.awaitRecords(published, 1, Duration.ofSeconds(60)).get(0);
            assertThat(TopicReader.headers(sent)).containsEntry("ce_type", "newsroom.article.published");

            List<ConsumerRecord<String, String>> fired = topic.awaitRecords(scheduled, 1, Duration.ofSeconds(60));
            assertThat(TopicReader.headers(fired.get(0))).containsEntry("ce_type", "newsroom.article.published");
            JsonPath article = editor().get("/api/articles/{id}", scheduled).then().statusCode(200)
                    .extract().jsonPath();
            assertThat(article.getString("status")).isEqualTo("PUBLISHED");
            assertThat(Instant.parse(article.getString("publishedAt"))).isAfter(scheduledAt);

            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(topic.seen(record -> scheduled.equals(record.key()))).hasSize(1));
        }
        editor().get("/api/articles/{id}/events", published).then().statusCode(200)
                .body("[0].sentAt", notNullValue());
    }
}
