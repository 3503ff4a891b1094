package dev.newsroom.feed.rest;

import static dev.newsroom.feed.support.Feeds.tag;
import static dev.newsroom.feed.support.Feeds.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.TestArticle;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Every HTML page carries a script-free CSP, no framing, nosniff and a Referrer-Policy; feeds are nosniff. */
@QuarkusTest
class PageSecurityHeadersTest extends FeedServiceTest {

    @Test
    void articlePagesCarryTheSecurityHeaders() {
        String marker = "headers-" + UUID.randomUUID().toString().substring(0, 8);
        TestArticle article = TestArticle.headlined("Headers").tags(marker);
        newsroom.published(article);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(text(tag(marker, "rss.xml"))).contains("Headers"));

        Response page = given().get("/articles/" + article.slug());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.contentType()).startsWith("text/html");
        String policy = page.header("Content-Security-Policy");
        // no script source at all: default-src 'none' and no script-src loosening it
        assertThat(policy).contains("default-src 'none'", "frame-ancestors 'none'", "base-uri 'none'")
                .doesNotContainPattern("script-src [^;]*('unsafe|'self'|http|\\*)");
        assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(page.body().asString()).doesNotContain("<script>", "onload=", "onclick=");
        // a path that matches no page still gets the headers
        assertThat(given().get("/no/such/page").header("X-Content-Type-Options")).isEqualTo("nosniff");

        Response feed = given().get(tag(marker, "rss.xml"));
        assertThat(feed.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(feed.header("Content-Security-Policy")).isNull();
    }
}
