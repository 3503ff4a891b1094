package dev.newsroom.feed.rest;

import static dev.newsroom.feed.support.Feeds.bytes;
import static dev.newsroom.feed.support.Feeds.section;
import static dev.newsroom.feed.support.Feeds.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndEntry;

import dev.newsroom.feed.render.StrictXml;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.Feeds;
import dev.newsroom.feed.support.TestArticle;

import io.quarkus.test.junit.QuarkusTest;

/** Unpublishing, embargoes, corrections and hostile text, asserted on the rendered feeds. */
@QuarkusTest
class FeedVisibilityTest extends FeedServiceTest {

    @Test
    void unpublishedArticleLeavesEveryFeedAndAtomKeepsATombstone() throws Exception {
        String section = "withdrawn-" + UUID.randomUUID().toString().substring(0, 8);
        TestArticle article = TestArticle.headlined("Soon withdrawn").section(section).tags("withdrawals");
        newsroom.published(article);
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(text("/feeds/feed.json")).contains(article.headline() + "\"");
            given().get("/articles/" + article.slug()).then().statusCode(200);
        });

        newsroom.unpublished(article.next());
        await().atMost(WAIT).untilAsserted(() -> given().get("/articles/" + article.slug()).then().statusCode(410));
        assertThat(text("/feeds/rss.xml")).doesNotContain(article.id().toString());
        assertThat(text("/feeds/feed.json")).doesNotContain(article.id().toString());
        assertThat(StrictXml.parse(bytes("/feeds/atom.xml")).texts("/atom:feed/atom:entry/atom:id"))
                .doesNotContain("urn:uuid:" + article.id());
        assertThat(text(Feeds.tag("withdrawals", "rss.xml"))).doesNotContain(article.id().toString());
        assertThat(text(section(section, "rss.xml"))).doesNotContain(article.headline());
        StrictXml atom = StrictXml.parse(bytes(section(section, "atom.xml")));
        assertThat(atom.count("/atom:feed/atom:entry")).isZero();
        assertThat(atom.text("/atom:feed/at:deleted-entry/@ref")).isEqualTo("urn:uuid:" + article.id());
        assertThat(atom.text("/atom:feed/at:deleted-entry/@when")).isNotBlank();
        assertThat(StrictXml.parse(bytes("/feeds/atom.xml")).texts("/atom:feed/at:deleted-entry/@ref"))
                .contains("urn:uuid:" + article.id());
    }

    @Test
    void embargoedArticleAppearsOnlyWhenItsTimeComes() {
        String section = "embargo-" + UUID.randomUUID().toString().substring(0, 8);
        Instant until = Instant.now().plusSeconds(10);
        TestArticle embargoed = TestArticle.headlined("Embargoed results").section(section).embargoUntil(until);
        newsroom.published(embargoed);
        // an article scheduled for later whose published event comes early, and one still merely SCHEDULED
        TestArticle early = TestArticle.headlined("Published in the future").section(section)
                .published(Instant.now().plusSeconds(3600));
        newsroom.published(early);
        TestArticle scheduled = TestArticle.headlined("Only scheduled").section(section).status("SCHEDULED")
                .neverPublished();
        newsroom.updated(scheduled);
        String marker = newsroom.marker();
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section("markers", "rss.xml"))).contains(marker));

        // What the embargo holds back is checked only on answers that arrived before it ended: on a machine so slow
        // that the ten seconds have passed, the story and its section are rightly visible already.
        for (String file : Feeds.FILES) {
            // a section only held-back stories carry does not exist for readers yet, so it cannot leak their subject
            int sectionStatus = given().get(section(section, file)).then().extract().statusCode();
            if (Instant.now().isBefore(until)) {
                assertThat(sectionStatus).as(section + "/" + file + " while the embargo holds").isEqualTo(404);
            }
            String everything = text("/feeds/" + file);
            if (Instant.now().isBefore(until)) {
                assertThat(everything).doesNotContain(embargoed.id().toString());
            }
            assertThat(everything).doesNotContain(early.id().toString(), scheduled.id().toString())
                    .doesNotContain("deleted-entry ref=\"urn:uuid:" + scheduled.id());
        }
        int embargoedPage = given().get("/articles/" + embargoed.slug()).then().extract().statusCode();
        if (Instant.now().isBefore(until)) {
            assertThat(embargoedPage).as("the embargoed story's page while the embargo holds").isEqualTo(404);
        }
        given().get("/articles/" + scheduled.slug()).then().statusCode(404);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Instant.now()).isAfter(until);
            for (String file : Feeds.FILES) {
                assertThat(text(section(section, file))).contains("Embargoed results")
                        .doesNotContain("future", "Only scheduled");
            }
        });
        given().get("/articles/" + embargoed.slug()).then().statusCode(200);
    }

    @Test
    void correctionKeepsTheIdAndShowsTheNote() throws Exception {
        String section = "corrected-" + UUID.randomUUID().toString().substring(0, 8);
        TestArticle article = TestArticle.headlined("Mayor opens bridge").section(section)
                .published(Instant.parse("2025-03-01T08:00:00Z"));
        newsroom.published(article);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section(section, "rss.xml")))
                .contains(article.headline()));
        SyndEntry before = StrictXml.rome(bytes(section(section, "atom.xml"))).getEntries().get(0);

        newsroom.updated(article.next().headline("Deputy mayor opens bridge")
                .correction("An earlier version named the wrong official."));
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section(section, "rss.xml")))
                .contains("Deputy mayor opens bridge"));

        SyndEntry after = StrictXml.rome(bytes(section(section, "atom.xml"))).getEntries().get(0);
        assertThat(after.getUri()).isEqualTo(before.getUri()).isEqualTo("urn:uuid:" + article.id());
        assertThat(after.getPublishedDate()).isEqualTo(before.getPublishedDate());
        assertThat(after.getUpdatedDate()).isAfter(before.getUpdatedDate());
        assertThat(after.getContents().get(0).getValue()).contains("Correction:",
                "An earlier version named the wrong official.");
        StrictXml rss = StrictXml.parse(bytes(section(section, "rss.xml")));
        assertThat(rss.text("/rss/channel/item[1]/guid")).isEqualTo("urn:uuid:" + article.id());
        assertThat(rss.text("/rss/channel/item[1]/content:encoded")).contains("wrong official");
        JsonNode item = Feeds.json(section(section, "feed.json")).path("items").get(0);
        assertThat(item.path("id").asText()).isEqualTo("urn:uuid:" + article.id());
        assertThat(item.path("content_html").asText()).contains("Correction:");
    }

    @Test
    void hostileTextNeverBreaksAFeed() throws Exception {
        String section = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        String arabic = "\u0627\u0644\u0623\u062E\u0628\u0627\u0631";
        String cjk = "\u65B0\u95FB\u5FEB\u8BAF";
        TestArticle article = TestArticle.headlined("Quotes \"x\" & 'y' <b>not bold</b> ]]> end\u0000\u0007\u001B "
                        + arabic + " " + cjk + " \uD83D\uDE80")
                .summary("Summary ]]> with \u0001control & <b>markup</b> shown as text")
                .body("<p onclick=\"steal()\">Text\u0000 ]]> " + arabic + "</p><script>alert('x')</script>"
                        + "<p><a href=\"javascript:alert(1)\">bad</a></p><style>p{}</style><iframe src=x></iframe>")
                .section(section).tags("t&<\"'>");
        newsroom.published(article);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section(section, "feed.json"))).contains(cjk));

        for (String file : Feeds.FILES) {
            byte[] feed = bytes(section(section, file));
            String decoded = StrictXml.strictUtf8(feed);
            assertThat(decoded).contains(arabic, cjk, "\uD83D\uDE80").doesNotContain("\u0000", "\u0007", "\u001B",
                    "\u0001");
            assertThat(decoded.toLowerCase()).doesNotContain("<script", "&lt;script", "javascript:", "onclick",
                    "<iframe", "&lt;iframe", "<style");
            if (file.endsWith(".xml")) {
                StrictXml.parse(feed);
                SyndEntry entry = StrictXml.rome(feed).getEntries().get(0);
                assertThat(entry.getTitle()).isEqualTo("Quotes \"x\" & 'y' <b>not bold</b> ]]> end "
                        + arabic + " " + cjk + " \uD83D\uDE80");
                // the body is HTML: "]]>" survives as the text it was, escaped as HTML text must be
                assertThat(entry.getContents().get(0).getValue()).contains("]]&gt;", arabic);
            } else {
                JsonNode item = Feeds.json(section(section, file)).path("items").get(0);
                assertThat(item.path("title").asText()).contains("]]>", "\"x\"", "<b>not bold</b>", arabic);
                assertThat(item.path("summary").asText())
                        .isEqualTo("Summary ]]> with control & <b>markup</b> shown as text");
                assertThat(item.path("tags").get(1).asText()).isEqualTo("t&<\"'>");
            }
        }
        String page = new String(given().get("/articles/" + article.slug()).then().statusCode(200).extract()
                .asByteArray(), StandardCharsets.UTF_8);
        assertThat(page.toLowerCase()).doesNotContain("javascript:", "onclick");
        // the one script element is the JSON-LD data block, which browsers never execute
        assertThat(page.toLowerCase().split("<script", -1)).hasSize(2);
        assertThat(Jsoup.parse(page).select("script").attr("type")).isEqualTo("application/ld+json");
    }
}
