package dev.newsroom.desk;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

import io.restassured.http.ContentType;

/**
 * The readers' site (feed-service) in the desk's real browser, over the real services: a reader walks from the front
 * page to a section, a tag and a story, and meets the error pages; every page kind passes an axe-core scan with no
 * serious or critical violation, and is saved as a screenshot under target/screenshots.
 */
class ReadersSiteBrowserIT {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static DeskBrowser site;

    @BeforeAll
    static void start() throws Exception {
        site = DeskBrowser.start(List.of("article", "media", "feed"));
    }

    @AfterAll
    static void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void everyPageKindPassesAxeWithoutSeriousOrCriticalViolations() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String tag = "harbour-jazz-" + suffix;
        String photo = given().auth().preemptive().basic("writer", "writer")
                .multiPart("file", "quay.jpg", Files.readAllBytes(Path.of("src/test/resources/photos/iptc-latin1.jpg")),
                        "image/jpeg")
                .multiPart("altText", "Musicians playing on the quay at dusk")
                .post(site.url("media") + "/api/media").then().statusCode(201).extract().path("id");
        String headline = "Jazz on the quay draws thousands " + suffix;
        String slug = publish(Map.of("headline", headline,
                "summary", "The harbour festival opened with a free concert.",
                "body", "<p>The festival opened on Friday.</p><h2>A free concert</h2><ul><li>Three stages</li>"
                        + "<li>Forty bands</li></ul><blockquote><p>We did not expect so many.</p></blockquote>"
                        + "<p>Details on <a href=\"https://example.org/festival\">the festival's site</a>.</p>",
                "section", "culture", "tags", List.of(tag), "authors", List.of(Map.of("name", "Lea Martin")),
                "leadImage", Map.of("mediaId", photo),
                "related", List.of(Map.of("title", "Last year's festival", "url", "https://example.org/2025")))).slug();
        Published taken = publish(Map.of("headline", "Stage collapses " + suffix, "summary", "A stage fell.",
                "body", "<p>Nobody was hurt.</p>", "section", "culture"));
        String withdrawn = taken.slug();
        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON)
                .body(Map.of("reason", "Legal review"))
                .post(site.url("article") + "/api/articles/" + taken.id() + "/unpublish").then().statusCode(200);
        await().atMost(WAIT).until(() -> given().get(site.url("feed") + "/articles/" + withdrawn).statusCode() == 410);

        List<String> problems = new ArrayList<>();
        try (BrowserContext context = site.reader()) {
            Page reader = context.newPage();
            visit(reader, "/", 200);
            problems.addAll(DeskBrowser.accessibilityProblems(reader, "readers-01-front"));

            // as a reader goes: the story's section from the front page, the story, then its tag
            reader.locator("li.story", new Page.LocatorOptions().setHasText(headline)).locator(".kicker a").click();
            reader.waitForURL("**/sections/culture");
            assertThat(reader.locator("h1").textContent()).as("the section as readers see it").isEqualTo("Culture");
            problems.addAll(DeskBrowser.accessibilityProblems(reader, "readers-02-section"));
            reader.getByText(headline).click();
            reader.waitForURL("**/articles/" + slug);
            assertThat(reader.locator("figcaption .caption").textContent()).contains("Sitzung");
            assertThat(reader.locator("p.byline time").first().textContent()).as("in the newsroom's time zone")
                    .matches("\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d{2}:\\d{2} E[SD]T");
            problems.addAll(DeskBrowser.accessibilityProblems(reader, "readers-03-article"));
            reader.locator("nav.topics a", new Page.LocatorOptions().setHasText(tag)).click();
            reader.waitForURL("**/tags/" + tag);
            problems.addAll(DeskBrowser.accessibilityProblems(reader, "readers-04-tag"));

            visit(reader, "/articles/no-such-story-" + suffix, 404);
            problems.addAll(DeskBrowser.accessibilityProblems(reader, "readers-05-missing-story"));
            visit(reader, "/no/such/page-" + suffix, 404);
            assertThat(reader.locator("a[href$='/']").count()).as("a way back to the front page").isPositive();
            problems.addAll(DeskBrowser.accessibilityProblems(reader, "readers-06-unknown-address"));
            visit(reader, "/articles/" + withdrawn, 410);
            problems.addAll(DeskBrowser.accessibilityProblems(reader, "readers-07-withdrawn-story"));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void onAPhoneEveryPageKindFitsTheScreenEvenWithLongWordsAndAddresses() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String tag = "port-" + suffix;
        String headline = "Containerumschlagsstatistikjahresbericht: port handles record cargo " + suffix;
        String slug = publish(Map.of("headline", headline,
                "summary", "Container traffic rose by a fifth this year, the port authority said on Tuesday.",
                "body", "<p>The figures are at https://example.org/port-authority/reports/2026/annual/container-traffic"
                        + "-by-quay-and-month.pdf and in the Hafenumschlagsstatistikjahresberichtszusammenfassung.</p>",
                "section", "economy", "tags", List.of(tag), "authors", List.of(Map.of("name", "Jules Moreau")))).slug();
        try (BrowserContext phone = site.readerOnAPhone()) {
            Page reader = phone.newPage();
            for (String path : List.of("/", "/sections/economy", "/tags/" + tag, "/articles/" + slug,
                    "/articles/no-such-story-" + suffix)) {
                reader.navigate(path);
                assertThat((Integer) reader.evaluate("() => document.documentElement.scrollWidth"))
                        .as("width of %s on a 390 px screen", path).isLessThanOrEqualTo(390);
            }
            reader.navigate("/articles/" + slug);
            DeskBrowser.screenshot(reader, "readers-08-article-on-a-phone");
        }
    }

    @Test
    void aReaderWithOnlyAKeyboardSkipsToTheStoriesAndOpensOne() {
        String headline = "Ferry timetable changes on Monday " + UUID.randomUUID().toString().substring(0, 6);
        String slug = publish(Map.of("headline", headline, "summary", "Earlier sailings in winter.",
                "body", "<p>The first ferry leaves at six.</p>", "section", "local")).slug();
        try (BrowserContext context = site.reader()) {
            Page reader = context.newPage();
            visit(reader, "/", 200);
            reader.keyboard().press("Tab");
            assertThat(focused(reader, "el => el.textContent")).as("the first stop").isEqualTo("Skip to content");
            reader.keyboard().press("Enter");
            // focus itself moves to the content, so screen readers read on from there and any browser's next Tab
            // starts there (without it only some browsers move where Tab starts, and the focus stays on the link)
            assertThat(focused(reader, "el => el.id")).as("focus after the skip link").isEqualTo("content");
            for (int stop = 0; stop < 10 && !headline.equals(focused(reader, "el => el.textContent")); stop++) {
                reader.keyboard().press("Tab");
                assertThat(focused(reader, "el => el.closest('main') !== null")).as("still in the content")
                        .isEqualTo(true);
            }
            reader.keyboard().press("Enter");
            reader.waitForURL("**/articles/" + slug);
            assertThat(reader.locator("h1").textContent()).isEqualTo(headline);
        }
    }

    /** What the script, given the focused element, answers. */
    private static Object focused(Page reader, String script) {
        return reader.evaluate("() => (" + script + ")(document.activeElement)");
    }

    /** Opens the page as a reader's browser does and checks that it is the HTML page with the expected status. */
    private static void visit(Page reader, String path, int status) {
        Response response = reader.navigate(path);
        assertThat(response.status()).as(path).isEqualTo(status);
        assertThat(response.headerValue("content-type")).as(path).startsWith("text/html");
    }

    /** A published story. */
    private record Published(String id, String slug) {
    }

    /** Writes a draft as the writer and publishes it as the editor; answers once its page is up. */
    private static Published publish(Map<String, Object> story) {
        io.restassured.path.json.JsonPath created = given().auth().preemptive().basic("writer", "writer")
                .contentType(ContentType.JSON).body(story).post(site.url("article") + "/api/articles")
                .then().statusCode(201).extract().jsonPath();
        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON).body("{}")
                .post(site.url("article") + "/api/articles/" + created.getString("id") + "/publish")
                .then().statusCode(200);
        String slug = created.getString("slug");
        await().atMost(WAIT).until(() -> given().get(site.url("feed") + "/articles/" + slug).statusCode() == 200);
        return new Published(created.getString("id"), slug);
    }
}
