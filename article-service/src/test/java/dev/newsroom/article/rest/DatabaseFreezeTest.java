package dev.newsroom.article.rest;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.unique;
import static dev.newsroom.article.EditorsApi.writer;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A frozen PostgreSQL (SIGSTOP: it hangs, refusing nothing): editors get a 503 problem with Retry-After within
 * seconds instead of a hang or a 500, nothing they sent is half-saved, readiness says DOWN within a second, and the
 * service works again right after the thaw.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class DatabaseFreezeTest {

    /**
     * Without the timeouts a request hangs until the thaw; with them it answers in about 2 s. The 3 s target is
     * measured by the drill (bench/run drills postgres-freeze); tests share two cores with parallel builds, where
     * serving the request itself has taken another second, hence the margins here.
     */
    private static final long ANSWER_MILLIS = 5_000;
    private static final long READINESS_MILLIS = 2_000;

    @Test
    void writesAnswer503InTimeAndLeaveNothingBehind() {
        String published = createDraft(unique("Published before the freeze"));
        String headline = unique("Sent during the freeze");

        try (Infrastructure.Outage frozen = Infrastructure.shared().databaseFreeze()) {
            writer().body(json(draft(headline))).post("/api/articles").then()
                    .statusCode(503).time(lessThan(ANSWER_MILLIS))
                    .contentType("application/problem+json").header("Retry-After", equalTo("5"))
                    .body("title", equalTo("Service unavailable"));
            editor().body("{}").post("/api/articles/{id}/publish", published).then()
                    .statusCode(503).time(lessThan(ANSWER_MILLIS));
            given().get("/q/health/ready").then().statusCode(503).time(lessThan(READINESS_MILLIS))
                    .body("checks.find { it.name == 'database' }.status", equalTo("DOWN"));
        }

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> given().get("/q/health/ready").then()
                .statusCode(200));
        writer().queryParam("q", headline).get("/api/articles").then().statusCode(200)
                .body("items.size()", equalTo(0));
        writer().get("/api/articles/{id}", published).then().statusCode(200).body("status", equalTo("DRAFT"));
        editor().get("/api/articles/{id}/events", published).then().statusCode(200).body("size()", equalTo(0));
        createDraft(unique("Saved after the thaw"));
    }
}
