package dev.newsroom.feed.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import dev.newsroom.feed.support.FeedServiceTest;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Addresses the site has no resource for: a person's browser gets the readers' HTML 404 page with the way back to
 * the front page (under the pages' security headers); feed readers and scripts keep problem+json.
 */
@QuarkusTest
class UnknownAddressTest extends FeedServiceTest {

    /** What Chromium and Firefox send when they navigate. */
    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final List<String> UNKNOWN = List.of("/no-such-page", "/news/2026/11/30/a-story.html",
            "/articles/", "/sections/", "/index.php");

    @Test
    void browsersGetTheReadersPageWithTheWayBackToTheFrontPage() {
        for (String path : UNKNOWN) {
            String html = given().accept(BROWSER).get(path).then().statusCode(404)
                    .contentType("text/html")
                    .header("Content-Security-Policy", containsString("default-src 'none'"))
                    .header("Cache-Control", "no-cache")
                    .extract().asString();
            Document page = Jsoup.parse(html);
            assertThat(page.selectFirst("h1").text()).as(path).isEqualTo("Page not found");
            assertThat(page.select("main a").eachAttr("href")).as(path).contains("http://localhost:8083/");
            assertThat(page.select("script")).as(path).allSatisfy(
                    script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
        }
    }

    @Test
    void programsKeepProblemJson() {
        for (String path : UNKNOWN) {
            for (String accept : List.of("application/json", "application/problem+json", "*/*")) {
                given().accept(accept).get(path).then().statusCode(404)
                        .contentType("application/problem+json")
                        .body("status", equalTo(404));
            }
            given().get(path).then().statusCode(404).contentType("application/problem+json");
        }
    }
}
