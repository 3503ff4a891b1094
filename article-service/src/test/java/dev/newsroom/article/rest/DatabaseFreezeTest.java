package dev.newsroom.article.rest;

import static dev.newsroom.article.Newsroom.createDraft;
import static dev.newsroom.article.Newsroom.draft;
import static dev.newsroom.article.Newsroom.editor;
import static dev.newsroom.article.Newsroom.json;
import static dev.newsroom.article.Newsroom.unique;
import static dev.newsroom.article.Newsroom.writer;
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

    private static final long ANSWER_MILLIS = 3_000;

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
            given().get("/q/health/ready").then().statusCode(503).time(lessThan(1_000L))
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
