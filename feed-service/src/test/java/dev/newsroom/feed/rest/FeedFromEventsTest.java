package dev.newsroom.feed.rest;

import static dev.newsroom.feed.support.Feeds.bytes;
import static dev.newsroom.feed.support.Feeds.section;
import static dev.newsroom.feed.support.Feeds.tag;
import static dev.newsroom.feed.support.Feeds.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;

import dev.newsroom.feed.render.StrictXml;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.Feeds;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.TestAsset;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Events on the real broker become entries of every feed kind, which strict parsers and Rome accept; duplicates and
 * out-of-order revisions leave the feeds byte-identical.
 */
@QuarkusTest
class FeedFromEventsTest extends FeedServiceTest {

    @Test
    void everyFeedKindCarriesTheEntryAndParsesStrictly() throws Exception {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        String section = "harbour-" + unique;
        String tagName = "storm-" + unique;
        TestAsset photo = new TestAsset("Boats at dawn", "Jane Doe/Agency");
        newsroom.asset(photo, "newsroom.media.created");
        TestArticle article = TestArticle.headlined("Harbour reopens after storm " + unique)
                .summary("The harbour reopened on Monday & fishing resumed.")
                .body("<p>Boats left at <strong>dawn</strong>.</p>")
                .section(section).tags(tagName, "weather").authors("Ana Silva", "Omar Haddad")
                .leadImage(photo.id(), null, null);
        newsroom.published(article);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(text(section(section, "rss.xml"))).contains(article.headline(), "Boats at dawn"));

        List<String> xmlFeeds = new ArrayList<>();
        for (String scope : List.of("/feeds/", "/feeds/sections/" + section + "/", "/feeds/tags/" + tagName + "/")) {
            xmlFeeds.add(scope + "rss.xml");
            xmlFeeds.add(scope + "atom.xml");
            JsonNode json = Feeds.json(scope + "feed.json");
            assertThat(json.path("version").asText()).isEqualTo("https://jsonfeed.org/version/1.1");
            assertThat(json.path("feed_url").asText()).startsWith("http").endsWith(scope + "feed.json");
            assertThat(json.path("items").findValuesAsText("title")).contains(article.headline());
        }
        for (String path : xmlFeeds) {
            byte[] feed = bytes(path);
            StrictXml.parse(feed);
            SyndFeed parsed = StrictXml.rome(feed);
            assertThat(parsed.getEntries()).extracting(SyndEntry::getTitle).contains(article.headline());
        }

        StrictXml rss = StrictXml.parse(bytes(section(section, "rss.xml")));
        String item = "/rss/channel/item[1]";
        assertThat(rss.text(item + "/title")).isEqualTo(article.headline());
        assertThat(rss.text(item + "/link")).matches("https?://.+/articles/" + article.slug());
        assertThat(rss.text(item + "/guid")).isEqualTo("urn:uuid:" + article.id());
        assertThat(rss.text(item + "/description")).isEqualTo("The harbour reopened on Monday &amp; fishing resumed.");
        assertThat(rss.text(item + "/content:encoded")).contains("<strong>dawn</strong>");
        assertThat(rss.texts(item + "/category")).containsExactly(section, tagName, "weather");
        assertThat(rss.texts(item + "/dc:creator")).containsExactly("Ana Silva", "Omar Haddad");
        assertThat(rss.text(item + "/media:content/@url")).isEqualTo("https://media.example.org/media/"
                + photo.id() + "/large");
        assertThat(rss.text(item + "/media:content/media:description")).isEqualTo("Boats at dawn");
        assertThat(rss.text(item + "/media:content/media:credit")).isEqualTo("Jane Doe/Agency");
        assertThat(rss.text(item + "/enclosure/@type")).isEqualTo("image/jpeg");
        assertThat(rss.text(item + "/enclosure/@length")).isEqualTo("210000");
        assertThat(rss.text("/rss/channel/atom:link[@rel='self']/@href"))
                .matches("https?://.+/feeds/sections/" + section + "/rss.xml");

        StrictXml atom = StrictXml.parse(bytes(section(section, "atom.xml")));
        String entry = "/atom:feed/atom:entry[1]";
        assertThat(atom.text(entry + "/atom:id")).isEqualTo("urn:uuid:" + article.id());
        assertThat(atom.text(entry + "/atom:published")).isEqualTo(
                article.snapshot().firstPublishedAt().truncatedTo(ChronoUnit.SECONDS).toString());
        assertThat(atom.text(entry + "/atom:updated")).isNotBlank();
        assertThat(atom.text(entry + "/atom:content/@type")).isEqualTo("html");
        assertThat(atom.text(entry + "/atom:summary")).isEqualTo("The harbour reopened on Monday & fishing resumed.");
        assertThat(atom.texts(entry + "/atom:category/@term")).containsExactly(section, tagName, "weather");
        assertThat(atom.texts(entry + "/atom:author/atom:name")).containsExactly("Ana Silva", "Omar Haddad");
        assertThat(atom.text(entry + "/atom:link[@rel='enclosure']/@href")).endsWith(photo.id() + "/large");
        assertThat(atom.text(entry + "/atom:link[@rel='alternate']/@href")).matches("https?://.+");

        JsonNode json = Feeds.json(tag(tagName, "feed.json")).path("items").get(0);
        assertThat(json.path("id").asText()).isEqualTo("urn:uuid:" + article.id());
        assertThat(json.path("url").asText()).matches("https?://.+/articles/" + article.slug());
        assertThat(json.path("image").asText()).endsWith(photo.id() + "/large");
        assertThat(json.path("_media").path("caption").asText()).isEqualTo("Boats at dawn");
        assertThat(json.path("authors").findValuesAsText("name")).containsExactly("Ana Silva", "Omar Haddad");
    }

    @Test
    void duplicatesAndOlderRevisionsLeaveFeedsByteIdentical() {
        String section = "dupes-" + UUID.randomUUID().toString().substring(0, 8);
        TestArticle article = TestArticle.headlined("Ferry timetable changes").section(section).revision(3);
        newsroom.published(article);
        await().atMost(WAIT).untilAsserted(() ->
                assertThat(text(section(section, "atom.xml"))).contains(article.headline()));
        List<byte[]> before = Feeds.FILES.stream().map(file -> bytes(section(section, file))).toList();

        for (int i = 0; i < 3; i++) {
            newsroom.published(article);
        }
        newsroom.updated(article.revision(2).headline("An older headline"));
        newsroom.updated(article.revision(1).headline("The oldest headline"));
        String marker = newsroom.marker();
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section("markers", "rss.xml"))).contains(marker));

        List<byte[]> after = Feeds.FILES.stream().map(file -> bytes(section(section, file))).toList();
        for (int i = 0; i < before.size(); i++) {
            assertThat(after.get(i)).as(Feeds.FILES.get(i)).isEqualTo(before.get(i));
        }
    }

    @Test
    void revisionsArrivingOutOfOrderEndAtTheNewest() {
        String section = "order-" + UUID.randomUUID().toString().substring(0, 8);
        TestArticle article = TestArticle.headlined("Bridge closes").section(section);
        Instant first = Instant.now().minusSeconds(60);
        newsroom.published(article.published(first).revision(4).headline("Bridge reopens, fourth revision"));
        newsroom.updated(article.revision(2).headline("Bridge closes, second revision"));
        newsroom.updated(article.revision(3).headline("Bridge closes, third revision"));
        String marker = newsroom.marker();
        await().atMost(WAIT).untilAsserted(() -> assertThat(text(section("markers", "rss.xml"))).contains(marker));

        for (String file : Feeds.FILES) {
            assertThat(text(section(section, file))).contains("Bridge reopens, fourth revision")
                    .doesNotContain("second revision", "third revision");
        }
    }
}
