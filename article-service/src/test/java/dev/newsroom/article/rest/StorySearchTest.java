package dev.newsroom.article.rest;

import static dev.newsroom.article.EditorsApi.create;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.etag;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.writer;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The story list's full-text search (q) and author filter: ranking, stemming in each article's language, web-search
 * syntax, hostile queries, HTML that is not text, and who saved last. Each test writes into a section of its own and
 * filters by it, so stories of other tests never count.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class StorySearchTest {

    @Test
    void aHeadlineMatchRanksAboveASummaryMatchAboveABodyOnlyMatchWhateverTheirAge() {
        String section = section();
        String headline = story(section, "Lighthouse keeper retires after forty years", "A quiet farewell.",
                "<p>The keeper climbed the stairs one last time.</p>", "en");
        String summary = story(section, "Coastal villages count the cost", "The old lighthouse was damaged too.",
                "<p>Storm damage everywhere.</p>", "en");
        String body = story(section, "Storm leaves the coast", "Repairs begin.",
                "<p>The lighthouse, the lighthouse road and the lighthouse museum were closed.</p>", "en");
        story(section, "Unrelated harbour news", "Nothing here.", "<p>Boats.</p>", "en");
        String newerHeadline = story(section, "Lighthouse reopens to visitors", "Open again.", "<p>Tickets.</p>", "en");

        assertThat(ids(search(section, "lighthouse"))).containsExactly(newerHeadline, headline, summary, body);
        assertThat(search(section, "lighthouse").getInt("total")).isEqualTo(4);
    }

    @Test
    void wordsAreMatchedInAnyFormOfTheArticlesOwnLanguage() {
        String section = section();
        String english = story(section, "Council publishing new rules", "Rules.", "<p>Housing.</p>", "en-GB");
        String englishTwin = story(section, "Council publishing new rules", "Rules.", "<p>Housing.</p>", "ja");
        String french = story(section, "Les chevaux du village", "Les élections municipales.", "<p>Au pré.</p>", "fr");
        String frenchAsEnglish = story(section, "Les chevaux du village", "Résumé.", "<p>Au pré.</p>", "en");

        // English stems; Japanese has no stemmer in PostgreSQL, so its story is matched word for word
        assertThat(ids(search(section, "published"))).containsExactly(english);
        assertThat(ids(search(section, "publishing"))).containsExactlyInAnyOrder(english, englishTwin);
        // French stems: "cheval" is the singular of "chevaux", "élection" of "élections"; not in English
        assertThat(ids(search(section, "cheval"))).containsExactly(french);
        assertThat(ids(search(section, "élection"))).containsExactly(french);
        assertThat(ids(search(section, "chevaux"))).containsExactlyInAnyOrder(french, frenchAsEnglish);
        // stop words of the article's language do not match by themselves
        assertThat(ids(search(section, "the"))).doesNotContain(english);
    }

    @Test
    void theQueryUnderstandsQuotedPhrasesExclusionsAndOr() {
        String section = section();
        String craneStrike = story(section, "Harbour crane strike", "Dockers walk out.", "<p>Ships wait.</p>", "en");
        String strikeEnds = story(section, "Harbour strike ends", "Back to work.", "<p>A deal.</p>", "en");
        String collapse = story(section, "Crane collapse at the yard", "Nobody hurt.", "<p>Inquiry.</p>", "en");

        assertThat(ids(search(section, "\"crane strike\""))).containsExactly(craneStrike);
        assertThat(ids(search(section, "harbour -crane"))).containsExactly(strikeEnds);
        assertThat(ids(search(section, "collapse OR deal"))).containsExactlyInAnyOrder(strikeEnds, collapse);
        assertThat(ids(search(section, "harbour strike"))).containsExactlyInAnyOrder(craneStrike, strikeEnds);
    }

    @Test
    void tagsAttributesAndCharacterReferencesInTheBodyAreNotWords() {
        String section = section();
        String id = story(section, "Tide tables", "Times.",
                "<p>High water <strong>early</strong>, see <a href=\"https://example.com/almanac\">the tables</a>"
                        + " &amp; charts.</p><blockquote>Mind the quay.</blockquote>", "en");

        assertThat(ids(search(section, "early"))).containsExactly(id);
        assertThat(ids(search(section, "quay"))).containsExactly(id);
        assertThat(ids(search(section, "charts"))).containsExactly(id);
        for (String notAWord : List.of("strong", "href", "almanac", "example", "https", "amp", "blockquote", "p")) {
            assertThat(ids(search(section, notAWord))).as(notAWord).isEmpty();
        }
    }

    @Test
    void theAuthorFilterMatchesAWholeNameIgnoringCaseAndCombinesWithTheOthers() {
        String section = section();
        Map<String, Object> ana = draft("Budget vote tonight");
        ana.put("section", section);
        ana.put("authors", List.of(Map.of("name", "Ana Ruiz"), Map.of("name", "Ben Ode")));
        String anasStory = create(ana);
        Map<String, Object> ben = draft("Budget passes");
        ben.put("section", section);
        ben.put("authors", List.of(Map.of("name", "Ben Ode")));
        String bensStory = create(ben);

        assertThat(ids(list(section, Map.of("author", "ana  RUIZ")))).containsExactly(anasStory);
        assertThat(ids(list(section, Map.of("author", "Ben Ode")))).containsExactly(bensStory, anasStory);
        assertThat(ids(list(section, Map.of("author", "Ana")))).isEmpty();
        assertThat(ids(list(section, Map.of("author", "Ben Ode", "q", "vote")))).containsExactly(anasStory);
        assertThat(ids(list(section, Map.of("author", "Ben Ode", "status", "published")))).isEmpty();
    }

    @Test
    void queriesThatLookLikeSqlOrSearchSyntaxAreJustText() {
        String section = section();
        String id = story(section, "Drop in table tennis funding", "Clubs worry.", "<p>Select few, the article says.</p>", "en");
        List<String> hostile = List.of("'; drop table article; --", "\" or 1=1 --", "table') or ('1'='1",
                "tennis & | ! : * ( ) <-> <2>", "\\", "$$", "%_%", "-", "\"", "OR", "tennis:*", "tennis <-> !funding");
        for (String query : hostile) {
            writer().queryParam("section", section).queryParam("q", query).when().get("/api/articles")
                    .then().statusCode(200);
        }
        assertThat(ids(search(section, "'; drop table article; --"))).containsExactly(id);
        assertThat(ids(search(section, "tennis:*"))).containsExactly(id);
        assertThat(ids(search(section, "tenn"))).isEmpty();
        writer().when().get("/api/articles/{id}", id).then().statusCode(200);
    }

    @Test
    void searchResultsArePagedAndCounted() {
        String section = section();
        for (int i = 1; i <= 5; i++) {
            story(section, "Regatta day " + i, "Sails.", "<p>Wind.</p>", "en");
        }
        JsonPath second = writer().queryParam("section", section).queryParam("q", "regatta")
                .queryParam("size", 2).queryParam("page", 1).when().get("/api/articles")
                .then().statusCode(200).extract().jsonPath();
        assertThat(second.getInt("total")).isEqualTo(5);
        assertThat(second.getList("items.headline")).containsExactly("Regatta day 3", "Regatta day 2");
    }

    @Test
    void eachItemSaysWhoSavedLastAndWhen() {
        String section = section();
        String id = story(section, "Ferry timetable", "Changes.", "<p>Summer.</p>", "en");
        Map<String, Object> edit = draft("Ferry timetable changes");
        edit.put("section", section);
        String saved = editor().header("If-Match", etag(id)).body(json(edit)).when().put("/api/articles/{id}", id)
                .then().statusCode(200).extract().path("updatedAt");

        JsonPath list = list(section, Map.of());
        assertThat(list.getString("items[0].updatedBy")).isEqualTo("editor");
        assertThat(list.getString("items[0].createdBy")).isEqualTo("writer");
        assertThat(list.getString("items[0].updatedAt")).isEqualTo(saved);
    }

    @Test
    void badParametersAreNamedInTheProblem() {
        writer().queryParam("author", "a\u0000b").when().get("/api/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("author"));
        writer().queryParam("q", "x".repeat(301)).when().get("/api/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("q"));
        writer().queryParam("size", "ten").when().get("/api/articles").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItem("size"));
        writer().queryParam("page", "1e3").when().get("/api/articles").then().statusCode(400)
                .body("errors.field", hasItem("page"));
        writer().queryParam("status", "live").when().get("/api/articles").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void theOpenApiDocumentDescribesEveryParameterOfTheList() {
        JsonPath openApi = given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().jsonPath();
        String list = "paths.'/api/articles'.get";
        assertThat(openApi.getList(list + ".parameters.name"))
                .containsExactlyInAnyOrder("status", "section", "author", "q", "page", "size");
        assertThat(openApi.getString(list + ".responses.'400'.description")).contains("errors[].field");
    }

    private static String section() {
        return "search-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String story(String section, String headline, String summary, String body, String language) {
        Map<String, Object> fields = draft(headline);
        fields.put("section", section);
        fields.put("summary", summary);
        fields.put("body", body);
        fields.put("language", language);
        return create(fields);
    }

    private static JsonPath search(String section, String query) {
        return list(section, Map.of("q", query));
    }

    private static JsonPath list(String section, Map<String, String> parameters) {
        return writer().queryParam("section", section).queryParams(parameters).when().get("/api/articles")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<String> ids(JsonPath list) {
        return list.getList("items.id");
    }
}
