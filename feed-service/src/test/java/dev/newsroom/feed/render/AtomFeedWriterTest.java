package dev.newsroom.feed.render;

import static dev.newsroom.feed.render.FeedFixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.jdom2.Element;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;

class AtomFeedWriterTest {

    private final FeedRenderer renderer = new FeedRenderer();
    private final byte[] atom = renderer.render(FeedFixtures.page(), FeedFormat.ATOM);

    @Test
    void feedHasIdTitleUpdatedLanguageAndLinks() throws Exception {
        StrictXml xml = StrictXml.parse(atom);

        assertThat(xml.text("/atom:feed/atom:id")).isEqualTo(BASE + "/feeds/");
        assertThat(xml.text("/atom:feed/atom:title")).isEqualTo("Newsroom: all stories");
        assertThat(xml.text("/atom:feed/atom:subtitle")).isEqualTo("Everything we publish, newest first");
        assertThat(xml.text("/atom:feed/atom:updated")).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(xml.text("/atom:feed/@xml:lang")).isEqualTo("en");
        assertThat(xml.text("/atom:feed/atom:icon")).isEqualTo(FeedFixtures.ICON);
        assertThat(xml.text("/atom:feed/atom:link[@rel='alternate']/@href")).isEqualTo(BASE + "/");
        FeedFixtures.assertPagingLinks(xml, "/atom:feed/atom:link", "application/atom+xml");
    }

    @Test
    void aFeedHasAnIconOnlyWhenTheNewsroomConfiguredOne() throws Exception {
        FeedPage page = FeedFixtures.page();
        FeedPage withoutIcon = new FeedPage(page.id(), page.title(), page.description(), page.language(), page.self(),
                page.alternate(), page.first(), page.next(), page.previous(), page.hub(), null, page.updated(),
                page.built(), page.items(), page.deleted());

        assertThat(StrictXml.parse(renderer.render(withoutIcon, FeedFormat.ATOM)).count("/atom:feed/atom:icon"))
                .isZero();
    }

    @Test
    void entryCarriesIdDatesTextsCategoriesAuthorsAndLinks() throws Exception {
        StrictXml xml = StrictXml.parse(atom);
        String entry = "/atom:feed/atom:entry[1]";

        assertThat(xml.text(entry + "/atom:id")).isEqualTo("urn:uuid:3f2a8c1e-0000-4000-8000-000000000001");
        assertThat(xml.text(entry + "/atom:title")).isEqualTo("Harbour reopens after storm");
        assertThat(xml.text(entry + "/atom:published")).isEqualTo("2025-03-01T08:15:30Z");
        assertThat(xml.text(entry + "/atom:updated")).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(xml.text(entry + "/atom:summary/@type")).isEqualTo("text");
        assertThat(xml.text(entry + "/atom:summary")).isEqualTo("The harbour reopened on Monday & fishing resumed.");
        assertThat(xml.text(entry + "/atom:content/@type")).isEqualTo("html");
        assertThat(Jsoup.parseBodyFragment(xml.text(entry + "/atom:content")).body().child(0).text())
                .isEqualTo("Correction: An earlier version gave the wrong date.");
        assertThat(xml.texts(entry + "/atom:category/@term")).containsExactly("local", "harbour", "weather");
        assertThat(xml.texts(entry + "/atom:author/atom:name")).containsExactly("Ana Silva", "Omar Haddad");
        assertThat(xml.text(entry + "/atom:link[@rel='alternate']/@href"))
                .isEqualTo(BASE + "/articles/harbour-reopens");
        assertThat(xml.text(entry + "/atom:link[@rel='alternate']/@type")).isEqualTo("text/html");
    }

    @Test
    void imageIsAnEnclosureLinkWithMediaRssForCaptionAndCredit() throws Exception {
        StrictXml xml = StrictXml.parse(atom);
        String enclosure = "/atom:feed/atom:entry[1]/atom:link[@rel='enclosure']";

        assertThat(xml.text(enclosure + "/@href")).isEqualTo(BASE + "/media/6f1c/large");
        assertThat(xml.text(enclosure + "/@type")).isEqualTo("image/jpeg");
        assertThat(xml.text(enclosure + "/@length")).isEqualTo("182344");
        assertThat(xml.text("/atom:feed/atom:entry[1]/media:content/media:credit")).isEqualTo("Jane Doe/Agency");
        assertThat(xml.count("/atom:feed/atom:entry[2]/atom:link[@rel='enclosure']")).isZero();
    }

    @Test
    void updatedDefaultsToPublishedAndOwnLanguageIsMarked() throws Exception {
        StrictXml xml = StrictXml.parse(atom);
        String entry = "/atom:feed/atom:entry[2]";

        assertThat(xml.text(entry + "/atom:updated")).isEqualTo(xml.text(entry + "/atom:published"))
                .isEqualTo("2025-03-01T07:15:30Z");
        assertThat(xml.text(entry + "/@xml:lang")).isEqualTo("ar");
        assertThat(xml.count("/atom:feed/atom:entry[1]/@xml:lang")).isZero();
    }

    @Test
    void tombstoneFollowsRfc6721() throws Exception {
        StrictXml xml = StrictXml.parse(atom);
        String tombstone = "/atom:feed/at:deleted-entry";

        assertThat(xml.count(tombstone)).isEqualTo(1);
        assertThat(xml.text(tombstone + "/@ref")).isEqualTo("urn:uuid:3f2a8c1e-0000-4000-8000-000000000099");
        assertThat(xml.text(tombstone + "/@when")).isEqualTo("2025-03-03T12:30:00Z");
        assertThat(xml.text(tombstone + "/atom:link/@href")).isEqualTo(BASE + "/articles/withdrawn");
    }

    @Test
    void feedNamesAnAuthorOnlyWhenSomeEntryHasNone() throws Exception {
        assertThat(StrictXml.parse(atom).text("/atom:feed/atom:author/atom:name")).isEqualTo("Newsroom: all stories");

        byte[] allAuthored = renderer.render(FeedFixtures.page(List.of(FeedFixtures.article())), FeedFormat.ATOM);
        assertThat(StrictXml.parse(allAuthored).count("/atom:feed/atom:author")).isZero();
    }

    @Test
    void romeReadsTheSameFeed() throws Exception {
        SyndFeed feed = StrictXml.rome(atom);

        assertThat(feed.getFeedType()).isEqualTo("atom_1.0");
        assertThat(feed.getUri()).isEqualTo(BASE + "/feeds/");
        assertThat(feed.getLinks()).extracting(SyndLink::getRel)
                .contains("alternate", "self", "hub", "first", "next", "previous");
        Element tombstone = feed.getForeignMarkup().get(0);
        assertThat(tombstone.getName()).isEqualTo("deleted-entry");
        assertThat(tombstone.getAttributeValue("ref")).isEqualTo("urn:uuid:3f2a8c1e-0000-4000-8000-000000000099");

        SyndEntry entry = feed.getEntries().get(0);
        FeedFixtures.assertRomeReadsTheArticle(entry);
        assertThat(entry.getUpdatedDate().toInstant()).isEqualTo(Instant.parse("2025-03-02T10:00:00Z"));
        assertThat(entry.getDescription().getValue()).isEqualTo("The harbour reopened on Monday & fishing resumed.");
        assertThat(entry.getContents().get(0).getType()).isEqualTo("html");
        assertThat(entry.getAuthors()).extracting(SyndPerson::getName).containsExactly("Ana Silva", "Omar Haddad");
        assertThat(entry.getEnclosures().get(0).getUrl()).isEqualTo(BASE + "/media/6f1c/large");
    }
}
