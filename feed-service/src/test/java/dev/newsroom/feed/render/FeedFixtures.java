package dev.newsroom.feed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.xml.xpath.XPathExpressionException;

import com.rometools.modules.mediarss.MediaEntryModule;
import com.rometools.modules.mediarss.MediaModule;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;

/** Fixed models for the rendering tests: a normal page, a hostile item, and a page of fifty items. */
final class FeedFixtures {

    static final String BASE = "https://news.example.org";
    static final String HUB = "https://hub.example.org/?topic=news&lang=en";
    static final String ICON = "https://news.example.org/brand/icon.png?v=2&size=512";
    static final Instant PUBLISHED = Instant.parse("2025-03-01T08:15:30.250Z");
    static final Instant UPDATED = Instant.parse("2025-03-02T10:00:00Z");
    static final Instant BUILT = Instant.parse("2025-03-04T12:30:00Z");
    static final Instant DELETED_AT = Instant.parse("2025-03-03T12:30:00Z");

    static final String HOSTILE_TITLE = "Breaking\u0000\u0007 \"quotes\" & <angle> ]]> \uD800news\uFFFE\u0085 \uD83D\uDE80";
    static final String CLEAN_TITLE = "Breaking \"quotes\" & <angle> ]]> news \uD83D\uDE80";
    static final String ARABIC = "\u0627\u0644\u0623\u062E\u0628\u0627\u0631 \u0627\u0644\u0639\u0627\u062C\u0644\u0629";
    static final String CJK = "\u65B0\u95FB\u5FEB\u8BAF";

    private FeedFixtures() {
    }

    static FeedImage image() {
        return new FeedImage(URI.create(BASE + "/media/6f1c/large"), "image/jpeg", 182_344, 1200, 800,
                "Harbour at dawn, boats & \"nets\"", "Jane Doe/Agency");
    }

    static FeedItem article() {
        return new FeedItem("urn:uuid:3f2a8c1e-0000-4000-8000-000000000001", URI.create(BASE + "/articles/harbour-reopens"),
                "Harbour reopens after storm", "The harbour reopened on Monday & fishing resumed.",
                "<p>Boats left at <strong>dawn</strong>.</p><p>Quote: ]]> stays.</p>", PUBLISHED, UPDATED, "local",
                List.of("harbour", "weather", "local"), List.of("Ana Silva", "Omar Haddad"), image(),
                "An earlier version gave the wrong date.", "en");
    }

    static FeedItem hostile() {
        return new FeedItem("urn:uuid:3f2a8c1e-0000-4000-8000-000000000002", URI.create(BASE + "/articles/hostile"),
                HOSTILE_TITLE, "Summary with <script>alert(1)</script> & \u0001control",
                "<p onclick=\"steal()\">Text\u0000 " + ARABIC + " " + CJK + " \uD83D\uDE00</p>"
                        + "<script>alert('x')</script><style>p{}</style>"
                        + "<p><a href=\"javascript:alert(1)\">bad link</a> <a href=\"/articles/other\">relative</a></p>"
                        + "<pre>  keep   spaces</pre>",
                PUBLISHED.minusSeconds(3600), null, "world", List.of(), List.of(), null, null, "ar");
    }

    static FeedPage page() {
        return page(List.of(article(), hostile()));
    }

    static FeedPage page(List<FeedItem> items) {
        return new FeedPage(BASE + "/feeds/", "Newsroom: all stories", "Everything we publish, newest first", "en",
                URI.create(BASE + "/feeds/atom.xml?page=2"), URI.create(BASE + "/"),
                URI.create(BASE + "/feeds/atom.xml"), URI.create(BASE + "/feeds/atom.xml?page=3"),
                URI.create(BASE + "/feeds/atom.xml?page=1"), URI.create(HUB), URI.create(ICON), UPDATED, BUILT, items,
                List.of(new DeletedEntry("urn:uuid:3f2a8c1e-0000-4000-8000-000000000099", DELETED_AT,
                        URI.create(BASE + "/articles/withdrawn"))));
    }

    /** Fifty realistic items of a few kilobytes each, as one page of the main feed. */
    static FeedPage fiftyItems() {
        List<FeedItem> items = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        for (int p = 0; p < 12; p++) {
            body.append("<p>Paragraph ").append(p)
                    .append(" with <a href=\"https://news.example.org/x\">a link</a>, <em>emphasis</em> and some words "
                            + "that make a realistic body of a few kilobytes for an article.</p>");
        }
        for (int i = 0; i < 50; i++) {
            items.add(new FeedItem("urn:uuid:00000000-0000-4000-8000-" + String.format("%012d", i),
                    URI.create(BASE + "/articles/story-" + i), "Story number " + i,
                    "Summary of story " + i + ", which is about something.", body.toString(),
                    PUBLISHED.plusSeconds(60L * i), UPDATED.plusSeconds(60L * i), "politics", List.of("tag-" + i % 5,
                            "elections"), List.of("Reporter " + i % 7), i % 2 == 0 ? image() : null,
                    i % 10 == 0 ? "A name was misspelled." : null, "en"));
        }
        return page(items);
    }

    /** What every XML format says of the first article, as Rome reads it back. */
    static void assertRomeReadsTheArticle(SyndEntry entry) {
        assertThat(entry.getUri()).isEqualTo("urn:uuid:3f2a8c1e-0000-4000-8000-000000000001");
        assertThat(entry.getTitle()).isEqualTo("Harbour reopens after storm");
        assertThat(entry.getPublishedDate().toInstant()).isEqualTo(Instant.parse("2025-03-01T08:15:30Z"));
        assertThat(entry.getCategories()).extracting(SyndCategory::getName)
                .containsExactly("local", "harbour", "weather");
        assertThat(entry.getEnclosures().get(0).getLength()).isEqualTo(182_344);
        assertThat(((MediaEntryModule) entry.getModule(MediaModule.URI)).getMediaContents()[0].getMetadata()
                .getDescription()).isEqualTo("Harbour at dawn, boats & \"nets\"");
    }

    /**
     * The fixed page's own links (self, hub, first, previous, next) as {@code links}, an XPath to its link elements,
     * finds them: the same in Atom and in RSS's atom:link, {@code type} being the format's media type.
     */
    static void assertPagingLinks(StrictXml xml, String links, String type) throws XPathExpressionException {
        assertThat(xml.text(links + "[@rel='self']/@href")).isEqualTo(BASE + "/feeds/atom.xml?page=2");
        assertThat(xml.text(links + "[@rel='self']/@type")).isEqualTo(type);
        assertThat(xml.text(links + "[@rel='hub']/@href")).isEqualTo(HUB);
        assertThat(xml.text(links + "[@rel='first']/@href")).isEqualTo(BASE + "/feeds/atom.xml");
        assertThat(xml.text(links + "[@rel='next']/@href")).isEqualTo(BASE + "/feeds/atom.xml?page=3");
        assertThat(xml.text(links + "[@rel='previous']/@href")).isEqualTo(BASE + "/feeds/atom.xml?page=1");
    }
}
