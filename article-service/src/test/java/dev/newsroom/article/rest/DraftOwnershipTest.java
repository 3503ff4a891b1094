package dev.newsroom.article.rest;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.writer;
import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Deleting a draft belongs to the writer who created it or an editor. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class DraftOwnershipTest {

    @Test
    void anotherWriterCannotDeleteADraft() {
        String mine = createDraft("Mine to delete");
        given().auth().preemptive().basic("other-writer", "other-writer").delete("/api/articles/{id}", mine)
                .then().statusCode(403).contentType("application/problem+json");
        writer().get("/api/articles/{id}", mine).then().statusCode(200);
        writer().delete("/api/articles/{id}", mine).then().statusCode(204);

        String another = createDraft("An editor tidies up");
        editor().delete("/api/articles/{id}", another).then().statusCode(204);
    }
}
