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

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A service that dies right after each commit: it commits a publication whose event it never gets to send, and a
 * schedule that falls due while it is gone. Its relay points at an address where no broker listens, and its timer is
 * off. The state it leaves is the one RestartAfterCrashTest starts the next process on.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
@TestProfile(CrashAfterCommitTest.DiesAfterCommitting.class)
class CrashAfterCommitTest {

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
    }
}
