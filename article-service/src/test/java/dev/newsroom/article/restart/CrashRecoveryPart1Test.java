package dev.newsroom.article.restart;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.publish;
import static dev.newsroom.article.EditorsApi.unique;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * First life of the service (CrashRecoveryPart2Test is the second): it commits a publication whose event it never
 * gets to send, and a schedule that falls due while it is gone. Its relay points at an address where no broker
 * listens, and its timer is off, as if the process died right after each commit.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
@TestProfile(CrashRecoveryPart1Test.DiesAfterCommitting.class)
class CrashRecoveryPart1Test {

    static final String PUBLISHED = "newsroom.test.crash-recovery.published";
    static final String SCHEDULED = "newsroom.test.crash-recovery.scheduled";
    static final String SCHEDULED_AT = "newsroom.test.crash-recovery.scheduled-at";
    static final String JDBC_URL = "newsroom.test.crash-recovery.jdbc-url";
    static final String DB_USER = "newsroom.test.crash-recovery.db-user";
    static final String DB_PASSWORD = "newsroom.test.crash-recovery.db-password";
    static final String BOOTSTRAP = "newsroom.test.crash-recovery.bootstrap";

    /** A service that commits but never sends an event or fires a schedule. */
    public static class DiesAfterCommitting implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "mp.messaging.outgoing.outbox.bootstrap.servers", "127.0.0.1:1",
                    "newsroom.article.scheduler.enabled", "false",
                    "quarkus.log.category.\"org.apache.kafka\".level", "ERROR");
        }
    }

    @Test
    void commitsAnEventItCannotSendAndAScheduleItWillNotBeAroundFor() {
        String published = createDraft(unique("Committed but not sent"));
        publish(published);

        String scheduled = createDraft(unique("Falls due while the service is down"));
        Instant at = Instant.now().plusSeconds(2);
        editor().body(Map.of("at", at.toString())).post("/api/articles/{id}/publish", scheduled)
                .then().statusCode(200).body("status", equalTo("SCHEDULED"));

        // Past its time, still scheduled (nobody fires it), and the committed event is still unsent.
        await().pollDelay(Duration.between(Instant.now(), at).plusMillis(500)).atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> editor().get("/api/articles/{id}", scheduled).then()
                        .body("status", equalTo("SCHEDULED")));
        editor().get("/api/articles/{id}/events", published).then().statusCode(200)
                .body("size()", equalTo(1)).body("[0].sentAt", nullValue());

        // Each test profile loads test-support anew, with infrastructure of its own: tell part 2 where this one is.
        Infrastructure infrastructure = Infrastructure.shared();
        System.setProperty(JDBC_URL, infrastructure.jdbcUrl());
        System.setProperty(DB_USER, infrastructure.username());
        System.setProperty(DB_PASSWORD, infrastructure.password());
        System.setProperty(BOOTSTRAP, infrastructure.bootstrapServers());
        System.setProperty(PUBLISHED, published);
        System.setProperty(SCHEDULED, scheduled);
        System.setProperty(SCHEDULED_AT, at.toString());
    }
}
