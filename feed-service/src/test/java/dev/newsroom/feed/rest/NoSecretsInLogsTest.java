package dev.newsroom.feed.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.testsupport.LogCapture;

import io.quarkus.test.junit.QuarkusTest;

/** The operators' admin token, right or wrong, never reaches the log, even at DEBUG. */
@QuarkusTest
class NoSecretsInLogsTest extends FeedServiceTest {

    private static final String ADMIN_TOKEN = "local-admin-token";
    private static final String WRONG_TOKEN = "guessed-T0ken-7f3a9c";

    @Test
    void adminTokensNeverAppearInTheLog() {
        LogCapture.assertNoSecretsLoggedDuring(List.of(ADMIN_TOKEN, WRONG_TOKEN), log -> {
            given().header("Authorization", "Bearer " + ADMIN_TOKEN).contentType("application/json")
                    .post("/admin/rebuild").then().statusCode(202);
            given().header("Authorization", "Bearer " + WRONG_TOKEN).get("/admin/rebuild").then().statusCode(401);
            given().header("Authorization", "Basic " + WRONG_TOKEN).get("/admin/rebuild").then().statusCode(401);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(log.lines())
                    .as("the capture sees the rebuild the token started").anyMatch(line -> line.contains("rebuilt")));
        });
    }
}
