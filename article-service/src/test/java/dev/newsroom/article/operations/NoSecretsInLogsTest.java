package dev.newsroom.article.operations;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.unique;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.LogCapture;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Passwords and tokens that reach the service, right or wrong, never reach its log, even at DEBUG. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class NoSecretsInLogsTest {

    private static final String WRONG_PASSWORD = "Wr0ng-Pa55word-x9q";
    private static final String TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJlZGl0b3IifQ.c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ";

    @Test
    void credentialsAndTokensNeverAppearInTheLog() {
        List<String> secrets = List.of(WRONG_PASSWORD, TOKEN, basic("editor", "editor"), basic("writer", "writer"),
                basic("editor", WRONG_PASSWORD), basic("writer", WRONG_PASSWORD), "c2VjcmV0LXNpZ25hdHVyZS12YWx1ZQ");
        LogCapture.assertNoSecretsLoggedDuring(secrets, log -> {
            String id = createDraft(unique("Logged without secrets"));
            editor().body("{}").post("/api/articles/{id}/publish", id).then().statusCode(200);
            given().auth().preemptive().basic("editor", WRONG_PASSWORD).get("/api/articles/{id}", id)
                    .then().statusCode(401);
            given().header("Authorization", "Bearer " + TOKEN).get("/api/articles/{id}", id).then().statusCode(401);
            given().header("Authorization", "Basic " + basic("writer", WRONG_PASSWORD))
                    .post("/api/articles/{id}/unpublish", id).then().statusCode(401);
            assertThat(log.lines()).as("the capture sees the service's own lines")
                    .anyMatch(line -> line.contains(id) && line.contains("published"));
        });
    }

    private static String basic(String user, String password) {
        return Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
