package dev.newsroom.media.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/**
 * The desk's "recent uploads": every asset a story may use (never a deleted one), newest upload first, paged without
 * overlap, optionally one uploader's only; bad paging is a 400 naming the parameter.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class RecentUploadsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void listsUsableAssetsNewestFirstWithWhoUploadedThem() throws Exception {
        String first = upload("writer", "first.png");
        String second = upload("other-writer", "second.png");
        String third = upload("writer", "third.png");
        String deleted = upload("writer", "deleted.png");
        as("writer").delete("/api/media/" + deleted).then().statusCode(204);

        JsonNode page = list(as("writer"), "?size=100");
        List<String> ids = ids(page);
        assertThat(ids).doesNotContain(deleted);
        assertThat(ids.stream().filter(List.of(first, second, third)::contains).toList())
                .containsExactly(third, second, first);
        assertThat(page.path("total").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(100);
        JsonNode asset = item(page, second);
        assertThat(asset.path("createdBy").asText()).isEqualTo("other-writer");
        assertThat(asset.path("fileName").asText()).isEqualTo("second.png");
        assertThat(asset.path("renditions").findValuesAsText("name")).contains("original", "large", "thumb");

        List<String> mine = ids(list(as("editor"), "?uploadedBy=other-writer&size=100"));
        assertThat(mine).contains(second).doesNotContain(first, third, deleted);
    }

    @Test
    void pagesFollowOneAnotherWithoutOverlap() throws Exception {
        for (int i = 0; i < 3; i++) {
            upload("writer", "page-" + i + ".png");
        }
        List<String> together = ids(list(as("writer"), "?size=3"));
        List<String> oneByOne = new ArrayList<>();
        for (int page = 0; page < 3; page++) {
            JsonNode answer = list(as("writer"), "?size=1&page=" + page);
            assertThat(answer.path("items").size()).isEqualTo(1);
            oneByOne.addAll(ids(answer));
        }
        assertThat(oneByOne).hasSize(3).doesNotHaveDuplicates().isEqualTo(together);
    }

    @Test
    void badPagingIsRefusedNamingTheParameterAndOnlyEditorsAndWritersMayList() {
        for (String query : List.of("?size=0", "?size=101", "?size=ten", "?page=-1")) {
            String parameter = query.substring(1, query.indexOf('='));
            as("writer").get("/api/media" + query).then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem(parameter));
        }
        as("writer").get("/api/media?uploadedBy=" + "x".repeat(121)).then().statusCode(400)
                .body("errors[0].field", equalTo("uploadedBy"));
        given().get("/api/media").then().statusCode(401).contentType("application/problem+json");
        as("reader").get("/api/media").then().statusCode(403).contentType("application/problem+json");
    }

    private static String upload(String user, String fileName) {
        return as(user).multiPart("file", fileName, Uploads.fixture("palette.png"), "image/png")
                .when().post("/api/media").then().statusCode(201).extract().path("id");
    }

    private static JsonNode list(RequestSpecification as, String query) throws Exception {
        return JSON.readTree(as.get("/api/media" + query).then().statusCode(200)
                .contentType("application/json").extract().asString());
    }

    private static List<String> ids(JsonNode page) {
        List<String> ids = new ArrayList<>();
        page.path("items").forEach(item -> ids.add(item.path("id").asText()));
        return ids;
    }

    private static JsonNode item(JsonNode page, String id) {
        for (JsonNode item : page.path("items")) {
            if (id.equals(item.path("id").asText())) {
                return item;
            }
        }
        throw new AssertionError(id + " is not listed");
    }

    private static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }
}
