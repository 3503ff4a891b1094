package dev.newsroom.feed.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.w3c.dom.NodeList;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.decoder.Decoder;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndFeed;

import dev.newsroom.feed.render.StrictXml;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.TestAsset;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The readers' site served from the read model: pages, discovery, sitemaps, errors for people, compression. */
@QuarkusTest
class SiteTest extends FeedServiceTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @TestHTTPResource("/")
    URI root;

    private static Document page(String path) {
        return Jsoup.parse(given().accept(HTML).get(path).then().statusCode(200).contentType("text/html")
                .extract().asString(), "http://localhost" + path);
    }

    private static String path(String href) {
        URI uri = URI.create(href);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    @Test
    void readerGoesFromTheFrontPageToSectionTagAndStoryAndEveryPageDiscoversItsFeeds() throws Exception {
        String section = "harbour-" + UUID.randomUUID().toString().substring(0, 8);
        String tag = "fish-" + UUID.randomUUID().toString().substring(0, 8);
        TestAsset photo = new TestAsset("Boats at dawn", "Kit Agency");
        newsroom.asset(photo, "newsroom.media.created");
        TestArticle story = TestArticle.headlined("Harbour reopens <b>today</b>").section(section).tags(tag)
                .leadImage(photo.id(), null, null).body("<p>Boats left.</p><script>alert(1)</script>");
        newsroom.published(story);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(page("/").select("ol.stories h2 a").eachText()).contains(story.headline()));

        Document front = page("/");
        Element card = front.select("li.story").stream()
                .filter(item -> item.selectFirst("h2 a").text().equals(story.headline())).findFirst().orElseThrow();
        assertThat(card.selectFirst("img").attr("srcset")).contains("/thumb 400w", "/large 1200w");
        assertThat(card.selectFirst("time")).isNotNull();
        String shownAs = "H" + section.substring(1); // no name configured: the section with a capital
        assertThat(front.select("nav.sections a").eachText()).contains(shownAs);

        Document sectionPage = page(path(card.selectFirst(".kicker a").attr("href")));
        assertThat(sectionPage.selectFirst("h1").text()).isEqualTo(shownAs);
        Document article = page(path(card.selectFirst("h2 a").attr("href")));
        assertThat(article.selectFirst("h1").text()).isEqualTo(story.headline());
        assertThat(article.selectFirst("figcaption .caption").text()).isEqualTo("Boats at dawn");
        assertThat(article.selectFirst("figcaption .credit").text()).isEqualTo("Photo: Kit Agency");
        Document tagPage = page(path(article.selectFirst("nav.topics a").attr("href")));
        assertThat(tagPage.select("ol.stories h2 a").eachText()).containsExactly(story.headline());

        ObjectMapper json = new ObjectMapper();
        for (Document discovering : List.of(front, sectionPage, tagPage, article)) {
            List<Element> feeds = discovering.select("link[rel=alternate]");
            assertThat(feeds).hasSizeGreaterThanOrEqualTo(3);
            for (Element feed : feeds) {
                byte[] body = given().get(path(feed.attr("href"))).then().statusCode(200)
                        .contentType(feed.attr("type")).extract().asByteArray();
                if (feed.attr("type").contains("json")) {
                    assertThat(json.readTree(body).path("version").asText()).startsWith("https://jsonfeed.org/");
                } else {
                    assertThat(StrictXml.rome(body).getEntries()).isNotNull();
                }
            }
        }
        // hostile text is inert in the served pages too
        for (Document served : List.of(front, sectionPage, tagPage, article)) {
            assertThat(served.select("script")).allSatisfy(
                    script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
            assertThat(served.select("b")).isEmpty();
        }
    }

    @Test
    void everyFeedsChannelLinkLeadsToItsPage() throws Exception {
        String section = "links-" + UUID.randomUUID().toString().substring(0, 8);
        TestArticle story = TestArticle.headlined("Channel links").section(section).tags("linked");
        newsroom.published(story);
        await().atMost(WAIT).untilAsserted(() ->
                given().accept(HTML).get("/sections/" + section).then().statusCode(200));

        for (String feed : List.of("/feeds/rss.xml", "/feeds/sections/" + section + "/rss.xml",
                "/feeds/tags/linked/rss.xml")) {
            String link = StrictXml.rome(given().get(feed).then().extract().asByteArray()).getLink();
            assertThat(given().accept(HTML).get(path(link)).then().statusCode(200).extract().asString())
                    .contains("<link rel=\"alternate\" type=\"application/rss+xml\"");
        }
        assertThat(StrictXml.rome(given().get("/feeds/sections/" + section + "/rss.xml").then().extract()
                .asByteArray()).getLink()).endsWith("/sections/" + section);
    }

    @Test
    void aSectionIsShownByTheNewsroomsNameForItWhileItsAddressAndFeedCategoryKeepTheStoredOne() throws Exception {
        TestArticle story = TestArticle.headlined("Named section " + UUID.randomUUID()).section("us-news");
        newsroom.published(story);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(page("/sections/us-news").select("ol.stories h2 a").eachText()).contains(story.headline()));

        Document sectionPage = page("/sections/us-news");
        assertThat(sectionPage.selectFirst("h1").text()).isEqualTo("US news");
        assertThat(sectionPage.title()).isEqualTo("US news – Newsroom");
        assertThat(sectionPage.selectFirst("nav.sections a[aria-current]").text()).isEqualTo("US news");
        assertThat(sectionPage.selectFirst("link[rel=alternate]").attr("title")).isEqualTo("Newsroom: US news (RSS)");
        SyndFeed feed = StrictXml.rome(given().get("/feeds/sections/us-news/rss.xml").then().statusCode(200).extract()
                .asByteArray());
        assertThat(feed.getTitle()).isEqualTo("Newsroom: US news");
        assertThat(feed.getEntries()).filteredOn(entry -> entry.getTitle().equals(story.headline())).singleElement()
                .satisfies(entry -> assertThat(entry.getCategories()).extracting(SyndCategory::getName)
                        .contains("us-news"));
    }

    @Test
    void pagesLinkAndFeedsCarryTheNewsroomsIconAndTheDefaultOneIsServed() throws Exception {
        String icon = "https://newsroom.example/brand/icon.png"; // application.properties, test profile
        TestArticle story = TestArticle.headlined("Icon " + UUID.randomUUID());
        newsroom.published(story);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(page("/").select("ol.stories h2 a").eachText()).contains(story.headline()));

        Document front = page("/");
        assertThat(front.selectFirst("link[rel=icon]").attr("href")).isEqualTo(icon);
        assertThat(front.selectFirst("link[rel=apple-touch-icon]").attr("href")).isEqualTo(icon);
        assertThat(StrictXml.parse(given().get("/feeds/rss.xml").then().extract().asByteArray())
                .text("/rss/channel/image/url")).isEqualTo(icon);
        assertThat(StrictXml.parse(given().get("/feeds/atom.xml").then().extract().asByteArray())
                .text("/atom:feed/atom:icon")).isEqualTo(icon);
        assertThat(new ObjectMapper().readTree(given().get("/feeds/feed.json").then().extract().asByteArray())
                .path("icon").asText()).isEqualTo(icon);

        // clients that look for /favicon.ico by habit, as browsers and feed readers do, are sent to it
        given().redirects().follow(false).get("/favicon.ico").then().statusCode(302).header("Location", icon);

        // the icon of a site without one: the initial of its name, for browsers to draw
        String svg = given().get("/favicon.svg").then().statusCode(200).contentType("image/svg+xml")
                .header("Cache-Control", "public, max-age=86400").extract().asString();
        assertThat(StrictXml.parse(svg.getBytes(StandardCharsets.UTF_8)).text("/*/*[local-name()='text']"))
                .isEqualTo("N");
    }

    @Test
    void sitemapsListExactlyTheVisibleStoriesAndChangeTheMomentAStoryIsWithdrawn() throws Exception {
        Instant month = Instant.parse("2019-07-10T10:00:00Z");
        TestArticle first = TestArticle.headlined("July one").published(month);
        TestArticle second = TestArticle.headlined("July two").published(month.plusSeconds(3600));
        TestArticle embargoed = TestArticle.headlined("July embargoed").published(month.plusSeconds(7200))
                .embargoUntil(Instant.now().plusSeconds(3600));
        TestArticle withdrawn = TestArticle.headlined("July withdrawn").published(month.plusSeconds(9000));
        TestArticle fresh = TestArticle.headlined("Fresh & \"news\"");
        TestArticle freshEmbargoed = TestArticle.headlined("Fresh embargoed").embargoUntil(Instant.now().plusSeconds(3600));
        for (TestArticle article : List.of(first, second, embargoed, withdrawn, fresh, freshEmbargoed)) {
            newsroom.published(article);
        }
        newsroom.unpublished(withdrawn.next());
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(locations("/sitemaps/2019-07.xml")).containsExactlyInAnyOrder(
                    "/articles/" + first.slug(), "/articles/" + second.slug());
            assertThat(locations("/sitemaps/news.xml")).contains("/articles/" + fresh.slug())
                    .doesNotContain("/articles/" + freshEmbargoed.slug(), "/articles/" + first.slug());
        });
        assertThat(locations("/sitemap.xml")).contains("/sitemaps/news.xml", "/sitemaps/2019-07.xml");
        org.w3c.dom.Document news = xml("/sitemaps/news.xml");
        NodeList titles = news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9", "title");
        List<String> titleTexts = new java.util.ArrayList<>();
        for (int i = 0; i < titles.getLength(); i++) {
            titleTexts.add(titles.item(i).getTextContent());
        }
        assertThat(titleTexts).contains("Fresh & \"news\"");
        assertThat(news.getElementsByTagNameNS("http://www.google.com/schemas/sitemap-news/0.9",
                "publication_date").getLength()).isEqualTo(titles.getLength());

        newsroom.unpublished(fresh.next());
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(locations("/sitemaps/news.xml")).doesNotContain("/articles/" + fresh.slug()));
        given().get("/sitemaps/1999-01.xml").then().statusCode(404);
        assertThat(given().get("/robots.txt").then().statusCode(200).extract().asString())
                .contains("Sitemap: http://localhost:8083/sitemap.xml");
    }

    @Test
    void peopleGetAPageForMissingAndWithdrawnStoriesProgramsAProblem() {
        TestArticle story = TestArticle.headlined("Soon gone");
        newsroom.published(story);
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + story.slug()).then().statusCode(200));
        newsroom.unpublished(story.next());
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + story.slug()).then().statusCode(410));

        Document gone = Jsoup.parse(given().accept(HTML).get("/articles/" + story.slug()).then().statusCode(410)
                .contentType("text/html").header("Content-Security-Policy", org.hamcrest.Matchers.notNullValue())
                .extract().asString());
        assertThat(gone.selectFirst("h1").text()).contains("withdrawn");
        assertThat(gone.selectFirst("main a").attr("href")).isEqualTo("http://localhost:8083/");
        Document missing = Jsoup.parse(given().accept(HTML).get("/articles/no-such-story").then().statusCode(404)
                .contentType("text/html").extract().asString());
        assertThat(missing.selectFirst("h1").text()).isEqualTo("Page not found");
        given().accept(HTML).get("/sections/no-such-section").then().statusCode(404).contentType("text/html");

        given().accept("application/json").get("/articles/" + story.slug()).then().statusCode(410)
                .contentType("application/problem+json");
        given().get("/articles/no-such-story").then().statusCode(404).contentType("application/problem+json");
        given().get("/tags/no-such-tag").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void htmlPagesCarryTheSecurityHeaders() {
        given().accept(HTML).get("/").then().statusCode(200)
                .header("Content-Security-Policy", org.hamcrest.Matchers.allOf(
                        org.hamcrest.Matchers.containsString("default-src 'none'"),
                        org.hamcrest.Matchers.containsString("frame-ancestors 'none'"),
                        org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("unsafe-inline"))))
                .header("X-Content-Type-Options", "nosniff")
                .header("Referrer-Policy", "strict-origin-when-cross-origin");
    }

    @Test
    void pagesAndFeedsAreCompressedOnceAndDecompressToTheSameBytes() throws Exception {
        TestArticle story = TestArticle.headlined("Compressed story");
        newsroom.published(story);
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + story.slug()).then().statusCode(200));
        HttpClient client = HttpClient.newHttpClient();
        Brotli4jLoader.ensureAvailability();
        for (String path : List.of("/", "/articles/" + story.slug(), "/feeds/rss.xml", "/feeds/feed.json",
                "/sitemap.xml")) {
            HttpResponse<byte[]> plain = get(client, path, null, null);
            HttpResponse<byte[]> gzip = get(client, path, "gzip", null);
            HttpResponse<byte[]> brotli = get(client, path, "gzip, deflate, br", null);
            assertThat(plain.headers().firstValue("Content-Encoding")).isEmpty();
            assertThat(gzip.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(brotli.headers().firstValue("Content-Encoding")).hasValue("br");
            assertThat(plain.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(gzip.headers().firstValue("Vary")).hasValue("Accept-Encoding");
            assertThat(new GZIPInputStream(new ByteArrayInputStream(gzip.body())).readAllBytes())
                    .isEqualTo(plain.body());
            assertThat(Decoder.decompress(brotli.body()).getDecompressedData()).isEqualTo(plain.body());
            assertThat(gzip.body().length).isLessThan(plain.body().length);
            assertThat(brotli.body().length).isLessThan(plain.body().length);

            String gzipTag = gzip.headers().firstValue("ETag").orElseThrow();
            assertThat(gzipTag).isNotEqualTo(plain.headers().firstValue("ETag").orElseThrow());
            assertThat(get(client, path, "gzip", gzipTag).statusCode()).isEqualTo(304);
            assertThat(get(client, path, "br", plain.headers().firstValue("ETag").orElseThrow()).statusCode())
                    .isEqualTo(304);
            assertThat(get(client, path, "gzip", "\"other\"").statusCode()).isEqualTo(200);
        }
    }

    private HttpResponse<byte[]> get(HttpClient client, String path, String acceptEncoding, String ifNoneMatch)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(root.resolve(path)).header("Accept", HTML);
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static org.w3c.dom.Document xml(String path) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(
                given().get(path).then().statusCode(200).contentType("application/xml").extract().asByteArray()));
    }

    private static List<String> locations(String path) throws Exception {
        NodeList locs = xml(path).getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> found = new java.util.ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            found.add(path(locs.item(i).getTextContent()));
        }
        return found;
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
