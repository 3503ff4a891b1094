package dev.newsroom.article.rest;

import static dev.newsroom.article.EditorsApi.create;
import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.etag;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.publish;
import static dev.newsroom.article.EditorsApi.unique;
import static dev.newsroom.article.EditorsApi.writer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Drafts through the editors' API: every field, lists, optimistic locking, revisions, slugs, deletion, roles. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class ArticleEditingTest {

    @Test
    void everyFieldOfTheContractIsStoredNormalizedAndReturned() {
        Map<String, Object> fields = draft("  López   wins the <b>vote</b>  ");
        fields.put("summary", "The mayor\nwas re-elected.");
        fields.put("body", "<p>Results <em>came</em> in late.</p><h2>Turnout</h2><p><a href=\"https://example.com/r\">"
                + "Details</a></p>");
        fields.put("section", "Politics");
        fields.put("tags", List.of("Elections", "elections", " Madrid "));
        fields.put("authors", List.of(Map.of("name", "Ana  Ruiz"), Map.of("name", "Ben Ode")));
        fields.put("language", "ES-es");
        fields.put("related", List.of(Map.of("title", "Earlier coverage", "url", " https://example.com/earlier ")));
        fields.put("correction", "An earlier version misspelt the mayor's name.");
        fields.put("embargoUntil", "2020-01-01T00:00:00Z");

        JsonPath saved = writer().body(json(fields)).when().post("/api/articles")
                .then().statusCode(201)
                .header("Location", containsString("/api/articles/"))
                .header("ETag", "\"0\"")
                .extract().jsonPath();

        assertThat(saved.getString("status")).isEqualTo("DRAFT");
        assertThat(saved.getString("headline")).isEqualTo("López wins the <b>vote</b>");
        assertThat(saved.getString("slug")).startsWith("lopez-wins-the-b-vote-b");
        assertThat(saved.getString("summary")).isEqualTo("The mayor was re-elected.");
        assertThat(saved.getString("body")).isEqualTo(fields.get("body"));
        assertThat(saved.getString("section")).isEqualTo("politics");
        assertThat(saved.getList("tags")).containsExactly("Elections", "Madrid");
        assertThat(saved.getList("authors.name")).containsExactly("Ana Ruiz", "Ben Ode");
        assertThat(saved.getString("language")).isEqualTo("es-ES");
        assertThat(saved.getString("related[0].url")).isEqualTo("https://example.com/earlier");
        assertThat(saved.getString("correction")).isEqualTo("An earlier version misspelt the mayor's name.");
        assertThat(saved.getString("embargoUntil")).isEqualTo("2020-01-01T00:00:00Z");
        assertThat(saved.getInt("version")).isZero();
        assertThat(saved.getInt("revision")).isEqualTo(1);
        assertThat(saved.getString("createdBy")).isEqualTo("writer");
        assertThat(saved.getString("sanitizerRemoved")).isNull();

        String id = saved.getString("id");
        JsonPath read = writer().when().get("/api/articles/{id}", id).then().statusCode(200)
                .header("ETag", "\"0\"").extract().jsonPath();
        assertThat(read.getMap("")).isEqualTo(saved.getMap(""));
    }

    @Test
    void whatTheSanitizerRemovesIsReportedBackNotSilentlyLost() {
        Map<String, Object> fields = draft(unique("Sanitized"));
        fields.put("body", "<p onclick=\"steal()\">Hi<script>alert(1)</script> <a href=\"javascript:alert(2)\">x</a></p>");
        JsonPath saved = writer().body(json(fields)).when().post("/api/articles").then().statusCode(201)
                .extract().jsonPath();
        assertThat(saved.getString("body")).isEqualTo("<p>Hi x</p>");
        assertThat(saved.getList("sanitizerRemoved", String.class))
                .anyMatch(line -> line.contains("<script>"))
                .anyMatch(line -> line.contains("onclick"))
                .anyMatch(line -> line.contains("javascript:"));
    }

    @Test
    void aLeadImageNeedsAMediaIdAndLinksNeedHttp() {
        Map<String, Object> fields = draft(unique("Bad links"));
        fields.put("leadImage", Map.of("caption", "No id"));
        fields.put("related", List.of(Map.of("title", "Click", "url", "javascript:alert(1)")));
        writer().body(json(fields)).when().post("/api/articles")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("leadImage.mediaId", "related[0].url"));
    }

    @Test
    void getAnswersConditionalRequests() {
        String id = createDraft(unique("Conditional"));
        writer().header("If-None-Match", "\"0\"").when().get("/api/articles/{id}", id)
                .then().statusCode(304).header("ETag", "\"0\"");
        writer().header("If-None-Match", "\"7\"").when().get("/api/articles/{id}", id).then().statusCode(200);
        writer().when().get("/api/articles/{id}", UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void listFiltersByStatusSectionAndHeadlineTextAndPages() {
        String section = "list-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 5; i++) {
            Map<String, Object> fields = draft("Harbour story " + i);
            fields.put("section", section);
            String id = create(fields);
            if (i == 5) {
                publish(id);
            }
        }
        Map<String, Object> other = draft("Mountain story");
        other.put("section", section);
        create(other);

        writer().queryParam("section", section).queryParam("size", 2).when().get("/api/articles")
                .then().statusCode(200)
                .body("total", equalTo(6)).body("items.size()", equalTo(2)).body("page", equalTo(0))
                .body("items[0].headline", equalTo("Mountain story"))
                .body("items[0].body", nullValue());
        writer().queryParam("section", section).queryParam("size", 2).queryParam("page", 2).when().get("/api/articles")
                .then().statusCode(200).body("items.headline", contains("Harbour story 2", "Harbour story 1"));
        writer().queryParam("section", section).queryParam("q", "HARBOUR").when().get("/api/articles")
                .then().statusCode(200).body("total", equalTo(5));
        writer().queryParam("section", section).queryParam("status", "published").when().get("/api/articles")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].headline", equalTo("Harbour story 5"));
        writer().queryParam("section", section).queryParam("q", "100%_").when().get("/api/articles")
                .then().statusCode(200).body("total", equalTo(0));

        writer().queryParam("status", "LOST").when().get("/api/articles").then().statusCode(400)
                .body("errors.field", hasItem("status"));
        writer().queryParam("size", 1000).when().get("/api/articles").then().statusCode(400)
                .body("errors.field", hasItem("size"));
        writer().queryParam("page", "-1").when().get("/api/articles").then().statusCode(400);
    }

    @Test
    void replacingNeedsAVersionAndAStaleOneIsRefusedEitherWay() {
        String id = createDraft(unique("Versions"));
        Map<String, Object> change = draft("Versions, edited");

        writer().body(json(change)).when().put("/api/articles/{id}", id)
                .then().statusCode(428).contentType("application/problem+json");

        writer().header("If-Match", "\"0\"").body(json(change)).when().put("/api/articles/{id}", id)
                .then().statusCode(200).header("ETag", "\"1\"").body("revision", equalTo(2))
                .body("headline", equalTo("Versions, edited"));

        writer().header("If-Match", "\"0\"").body(json(draft("Lost edit"))).when().put("/api/articles/{id}", id)
                .then().statusCode(412).contentType("application/problem+json");

        Map<String, Object> stale = draft("Lost edit too");
        stale.put("version", 0);
        writer().body(json(stale)).when().put("/api/articles/{id}", id)
                .then().statusCode(409).contentType("application/problem+json");

        Map<String, Object> current = draft("Versions, edited again");
        current.put("version", 1);
        writer().body(json(current)).when().put("/api/articles/{id}", id).then().statusCode(200)
                .body("version", equalTo(2));
        writer().when().get("/api/articles/{id}", id).then().body("headline", equalTo("Versions, edited again"));

        writer().header("If-Match", "*").body(json(change)).when().put("/api/articles/{id}", id)
                .then().statusCode(428);
        writer().header("If-Match", "\"2\"").body(json(change)).when().put("/api/articles/{id}", UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void everySaveIsARevisionThatCanBeReadAndRestored() {
        String id = createDraft("Revision one");
        writer().header("If-Match", etag(id)).body(json(draft("Revision two"))).put("/api/articles/{id}", id)
                .then().statusCode(200);
        editor().header("If-Match", etag(id)).body(json(draft("Revision three"))).put("/api/articles/{id}", id)
                .then().statusCode(200);

        JsonPath history = writer().when().get("/api/articles/{id}/revisions", id).then().statusCode(200)
                .extract().jsonPath();
        assertThat(history.getList("revision", Integer.class)).containsExactly(3, 2, 1);
        assertThat(history.getList("savedBy")).containsExactly("editor", "writer", "writer");
        assertThat(history.getList("action")).containsExactly("edited", "edited", "created");
        assertThat(history.getList("headline")).containsExactly("Revision three", "Revision two", "Revision one");
        assertThat(history.getList("savedAt")).doesNotContainNull();

        writer().when().get("/api/articles/{id}/revisions/1", id).then().statusCode(200)
                .body("content.headline", equalTo("Revision one")).body("savedBy", equalTo("writer"));
        writer().when().get("/api/articles/{id}/revisions/9", id).then().statusCode(404);

        writer().header("If-Match", "\"0\"").when().post("/api/articles/{id}/revisions/1/restore", id)
                .then().statusCode(412);
        writer().when().post("/api/articles/{id}/revisions/1/restore", id)
                .then().statusCode(200).body("headline", equalTo("Revision one")).body("revision", equalTo(4))
                .header("ETag", "\"3\"");
        writer().when().get("/api/articles/{id}/revisions", id).then()
                .body("[0].action", equalTo("restored revision 1")).body("[0].savedBy", equalTo("writer"))
                .body("size()", equalTo(4));
    }

    @Test
    void slugsAreReadableAsciiUniqueAndStableOncePublished() {
        String headline = unique("Łódź: Zoë's café reopens");
        String first = createDraft(headline);
        String second = createDraft(headline);
        String slug = writer().get("/api/articles/{id}", first).then().extract().path("slug");
        assertThat(slug).matches("lodz-zoes-cafe-reopens-[a-z0-9]+");
        writer().get("/api/articles/{id}", second).then().body("slug", equalTo(slug + "-2"));

        // A draft's derived slug follows its headline; once published it stays, whatever the headline says.
        String renamed = unique("Cafe closes again");
        writer().header("If-Match", etag(first)).body(json(draft(renamed))).put("/api/articles/{id}", first)
                .then().statusCode(200).body("slug", equalTo(renamed.toLowerCase().replace(' ', '-')));
        publish(first);
        String published = writer().get("/api/articles/{id}", first).then().extract().path("slug");
        editor().header("If-Match", etag(first)).body(json(draft("Something else entirely")))
                .put("/api/articles/{id}", first).then().statusCode(200).body("slug", equalTo(published));
        Map<String, Object> moved = draft("Something else entirely");
        moved.put("slug", "a-new-address");
        editor().header("If-Match", etag(first)).body(json(moved)).put("/api/articles/{id}", first)
                .then().statusCode(400).body("errors.field", hasItem("slug"));

        Map<String, Object> own = draft(unique("Own slug"));
        String chosen = "chosen-" + UUID.randomUUID().toString().substring(0, 8);
        own.put("slug", chosen);
        writer().body(json(own)).post("/api/articles").then().statusCode(201).body("slug", equalTo(chosen));
        writer().body(json(own)).post("/api/articles").then().statusCode(400).body("errors.field", hasItem("slug"));
        own.put("slug", "Not A Slug!");
        writer().body(json(own)).post("/api/articles").then().statusCode(400).body("errors.field", hasItem("slug"));
    }

    @Test
    void restoringAPublishedArticleBringsBackItsTextButKeepsItsAddress() {
        String first = unique("First draft title");
        String id = createDraft(first);
        String second = unique("Final title");
        writer().header("If-Match", etag(id)).body(json(draft(second))).put("/api/articles/{id}", id)
                .then().statusCode(200);
        publish(id);
        String address = writer().get("/api/articles/{id}", id).then().extract().path("slug");
        assertThat(address).isEqualTo(second.toLowerCase().replace(' ', '-'));

        editor().when().post("/api/articles/{id}/revisions/1/restore", id).then().statusCode(200)
                .body("headline", equalTo(first)).body("slug", equalTo(address))
                .body("status", equalTo("PUBLISHED")).body("revision", equalTo(4));
    }

    @Test
    void onlyDraftsThatWereNeverPublishedCanBeDeleted() {
        String draft = createDraft(unique("Deletable"));
        writer().when().delete("/api/articles/{id}", draft).then().statusCode(204);
        writer().when().get("/api/articles/{id}", draft).then().statusCode(404);

        String published = createDraft(unique("Kept"));
        publish(published);
        writer().when().delete("/api/articles/{id}", published).then().statusCode(409)
                .contentType("application/problem+json");
        editor().body("{\"reason\": \"Legal\"}").post("/api/articles/{id}/unpublish", published).then().statusCode(200);
        writer().when().delete("/api/articles/{id}", published).then().statusCode(409);
    }

    @Test
    void writersEditDraftsAndEditorsChangeWhatReadersSee() {
        String id = createDraft(unique("Roles"));
        writer().body("{}").when().post("/api/articles/{id}/publish", id)
                .then().statusCode(403).contentType("application/problem+json");
        publish(id);
        writer().header("If-Match", etag(id)).body(json(draft("Writer edits a live story")))
                .put("/api/articles/{id}", id).then().statusCode(403).contentType("application/problem+json");
        writer().body("{\"reason\": \"x\"}").post("/api/articles/{id}/unpublish", id).then().statusCode(403);
        writer().get("/api/articles/{id}/events", id).then().statusCode(403);
        editor().get("/api/articles/{id}/events", id).then().statusCode(200);
    }

    @Test
    void everyEndpointWantsCredentialsAndSaysSoAsAProblem() {
        String id = createDraft(unique("Private"));
        for (var call : List.<Runnable>of(
                () -> given().get("/api/articles").then().statusCode(401),
                () -> given().get("/api/articles/" + id).then().statusCode(401),
                () -> given().contentType("application/json").body("{}").post("/api/articles").then().statusCode(401),
                () -> given().contentType("application/json").body("{}").put("/api/articles/" + id).then()
                        .statusCode(401),
                () -> given().post("/api/articles/" + id + "/publish").then().statusCode(401),
                () -> given().delete("/api/articles/" + id).then().statusCode(401),
                () -> given().get("/api/articles/" + id + "/revisions").then().statusCode(401),
                () -> given().get("/api/articles/" + id + "/events").then().statusCode(401))) {
            call.run();
        }
        given().get("/api/articles").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("asic"));
        given().auth().preemptive().basic("editor", "wrong").get("/api/articles").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
