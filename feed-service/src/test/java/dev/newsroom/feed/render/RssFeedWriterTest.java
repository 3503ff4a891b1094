package dev.newsroom.feed.render;

import static dev.newsroom.feed.render.FeedFixtures.BASE;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;

class RssFeedWriterTest {

    private final FeedRenderer renderer = new FeedRenderer();
    private final byte[] rss = renderer.render(FeedFixtures.page(), FeedFormat.RSS);

    @Test
    void channelCarriesTheRequiredAndRecommendedElements() throws Exception {
        StrictXml xml = StrictXml.parse(rss);

        assertThat(xml.text("/rss/@version")).isEqualTo("2.0");
        assertThat(xml.text("/rss/channel/title")).isEqualTo("Newsroom: all stories");
        assertThat(xml.text("/rss/channel/link")).isEqualTo(BASE + "/");
        assertThat(xml.text("/rss/channel/description")).isEqualTo("Everything we publish, newest first");
        assertThat(xml.text("/rss/channel/language")).isEqualTo("en");
        assertThat(xml.text("/rss/channel/lastBuildDate")).isEqualTo("Sun, 02 Mar 2025 10:00:00 GMT");
        assertThat(xml.text("/rss/channel/generator")).isNotBlank();
        assertThat(xml.text("/rss/channel/image/url")).as("the newsroom's icon").isEqualTo(FeedFixtures.ICON);
        assertThat(xml.text("/rss/channel/image/title")).isEqualTo("Newsroom: all stories");
        assertThat(xml.text("/rss/channel/image/link")).isEqualTo(BASE + "/");
        assertThat(xml.count("/rss/channel/item")).isEqualTo(2);
    }

    @Test
    void atomLinksGiveSelfHubAndPaging() throws Exception {
        StrictXml xml = StrictXml.parse(rss);

        FeedFixtures.assertPagingLinks(xml, "/rss/channel/atom:link", "application/rss+xml");
    }

    @Test
    void itemCarriesEveryElementOfTheProfile() throws Exception {
        StrictXml xml = StrictXml.parse(rss);
        String item = "/rss/channel/item[1]";

        assertThat(xml.text(item + "/title")).isEqualTo("Harbour reopens after storm");
        assertThat(xml.text(item + "/link")).isEqualTo(BASE + "/articles/harbour-reopens");
        assertThat(xml.text(item + "/guid")).isEqualTo("urn:uuid:3f2a8c1e-0000-4000-8000-000000000001");
        assertThat(xml.text(item + "/guid/@isPermaLink")).isEqualTo("false");
        assertThat(xml.text(item + "/pubDate")).isEqualTo("Sat, 01 Mar 2025 08:15:30 GMT");
        assertThat(ZonedDateTime.parse(xml.text(item + "/pubDate"), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant())
                .isEqualTo(Instant.parse("2025-03-01T08:15:30Z"));
        // description is HTML for RSS readers: the plain summary is escaped so it shows exactly as written
        assertThat(Parser.unescapeEntities(xml.text(item + "/description"), false))
                .isEqualTo("The harbour reopened on Monday & fishing resumed.");
        assertThat(xml.texts(item + "/category")).containsExactly("local", "harbour", "weather");
        assertThat(xml.texts(item + "/dc:creator")).containsExactly("Ana Silva", "Omar Haddad");

        String content = xml.text(item + "/content:encoded");
        assertThat(Jsoup.parseBodyFragment(content).selectFirst("p.correction").text())
                .isEqualTo("Correction: An earlier version gave the wrong date.");
        assertThat(Jsoup.parseBodyFragment(content).body().child(0).hasClass("correction"))
                .as("Jsoup.parseBodyFragment(content).body().child(0).hasClass(\"correction\")").isTrue();
        assertThat(Jsoup.parseBodyFragment(content).text()).contains("Boats left at dawn.", "Quote: ]]> stays.");
    }

    @Test
    void imageIsMediaContentAndEnclosure() throws Exception {
        StrictXml xml = StrictXml.parse(rss);
        String media = "/rss/channel/item[1]/media:content";

        assertThat(xml.text(media + "/@url")).isEqualTo(BASE + "/media/6f1c/large");
        assertThat(xml.text(media + "/@medium")).isEqualTo("image");
        assertThat(xml.text(media + "/@type")).isEqualTo("image/jpeg");
        assertThat(xml.text(media + "/@width")).isEqualTo("1200");
        assertThat(xml.text(media + "/@height")).isEqualTo("800");
        assertThat(xml.text(media + "/media:description")).isEqualTo("Harbour at dawn, boats & \"nets\"");
        assertThat(xml.text(media + "/media:credit")).isEqualTo("Jane Doe/Agency");

        String enclosure = "/rss/channel/item[1]/enclosure";
        assertThat(xml.text(enclosure + "/@url")).isEqualTo(BASE + "/media/6f1c/large");
        assertThat(xml.text(enclosure + "/@length")).isEqualTo("182344");
        assertThat(xml.text(enclosure + "/@type")).isEqualTo("image/jpeg");
        assertThat(xml.count("/rss/channel/item[2]/enclosure | /rss/channel/item[2]/media:content")).isZero();
    }

    @Test
    void romeReadsTheSameFeed() throws Exception {
        SyndFeed feed = StrictXml.rome(rss);

        assertThat(feed.getFeedType()).isEqualTo("rss_2.0");
        assertThat(feed.getTitle()).isEqualTo("Newsroom: all stories");
        assertThat(feed.getLanguage()).isEqualTo("en");
        AtomLinkModule links = (AtomLinkModule) feed.getModule(AtomLinkModule.URI);
        assertThat(links.getLinks()).extracting(Link::getRel)
                .containsExactly("self", "hub", "first", "previous", "next");

        SyndEntry entry = feed.getEntries().get(0);
        FeedFixtures.assertRomeReadsTheArticle(entry);
        assertThat(entry.getLink()).isEqualTo(BASE + "/articles/harbour-reopens");
        assertThat(entry.getContents().get(0).getValue()).contains("<strong>dawn</strong>");
        assertThat(((DCModule) entry.getModule(DCModule.URI)).getCreators())
                .containsExactly("Ana Silva", "Omar Haddad");

        MediaContent image = ((MediaEntryModule) entry.getModule(MediaModule.URI)).getMediaContents()[0];
        assertThat(image.getReference().toString()).isEqualTo(BASE + "/media/6f1c/large");
        assertThat(image.getWidth()).isEqualTo(1200);
        assertThat(image.getMetadata().getCredits()[0].getName()).isEqualTo("Jane Doe/Agency");
    }

    @Test
    void itemInAnotherLanguageSaysSo() throws Exception {
        StrictXml xml = StrictXml.parse(rss);

        assertThat(xml.text("/rss/channel/item[2]/dc:language")).isEqualTo("ar");
        assertThat(xml.count("/rss/channel/item[1]/dc:language")).isZero();
    }

    @Test
    void lastPageWithoutHubHasOnlySelfAndFirst() throws Exception {
        FeedPage page = FeedFixtures.page();
        FeedPage last = new FeedPage(page.id(), page.title(), null, null, page.self(), page.alternate(), page.first(),
                null, page.previous(), null, null, page.updated(), page.built(), List.of(FeedFixtures.article()),
                List.of());
        StrictXml xml = StrictXml.parse(renderer.render(last, FeedFormat.RSS));

        assertThat(xml.texts("/rss/channel/atom:link/@rel")).containsExactly("self", "first", "previous");
        assertThat(xml.count("/rss/channel/description")).isEqualTo(1);
        assertThat(xml.count("/rss/channel/image")).as("no icon configured").isZero();
        assertThat(xml.count("/rss/channel/language")).isZero();
    }

    @Test
    void imageWithoutMediaTypeKeepsMediaRssButNoEnclosure() throws Exception {
        FeedItem article = FeedFixtures.article();
        FeedImage untyped = new FeedImage(article.image().url(), null, 0, 0, 0, null, null);
        FeedItem item = new FeedItem(article.id(), article.link(), article.title(), article.summary(),
                article.contentHtml(), article.published(), article.updated(), article.section(), article.tags(),
                article.authors(), untyped, null, null);
        StrictXml xml = StrictXml.parse(renderer.render(FeedFixtures.page(List.of(item)), FeedFormat.RSS));

        assertThat(xml.count("/rss/channel/item/enclosure")).isZero();
        assertThat(xml.text("/rss/channel/item/media:content/@url")).isEqualTo(BASE + "/media/6f1c/large");
        assertThat(xml.count("/rss/channel/item/media:content/@width | /rss/channel/item/media:content/*")).isZero();
    }
}
