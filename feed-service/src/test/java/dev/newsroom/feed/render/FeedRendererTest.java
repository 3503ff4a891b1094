package dev.newsroom.feed.render;

import static dev.newsroom.feed.render.FeedFixtures.ARABIC;
import static dev.newsroom.feed.render.FeedFixtures.BASE;
import static dev.newsroom.feed.render.FeedFixtures.CJK;
import static dev.newsroom.feed.render.FeedFixtures.CLEAN_TITLE;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class FeedRendererTest {

    private static final String HOSTILE_ITEM_RSS = "/rss/channel/item[2]";
    private static final String HOSTILE_ENTRY_ATOM = "/atom:feed/atom:entry[2]";

    private final FeedRenderer renderer = new FeedRenderer();

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void samePageGivesTheSameBytes(FeedFormat format) {
        byte[] first = renderer.render(FeedFixtures.page(), format);

        assertThat(renderer.render(FeedFixtures.page(), format)).isEqualTo(first);
        assertThat(new FeedRenderer().render(FeedFixtures.page(), format)).isEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void aChangedItemChangesTheBytes(FeedFormat format) {
        FeedItem article = FeedFixtures.article();
        FeedItem retitled = new FeedItem(article.id(), article.link(), "Harbour reopens after the storm",
                article.summary(), article.contentHtml(), article.published(), article.updated(), article.section(),
                article.tags(), article.authors(), article.image(), article.correction(), article.language());

        assertThat(renderer.render(FeedFixtures.page(List.of(retitled)), format))
                .isNotEqualTo(renderer.render(FeedFixtures.page(List.of(article)), format));
    }

    @Test
    void concurrentRendersAgreeWithASingleThreadedOne() throws Exception {
        FeedPage page = FeedFixtures.fiftyItems();
        List<byte[]> expected = List.of(renderer.render(page, FeedFormat.RSS), renderer.render(page, FeedFormat.ATOM),
                renderer.render(page, FeedFormat.JSON_FEED));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Boolean>> tasks = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                FeedFormat format = FeedFormat.values()[i % 3];
                tasks.add(() -> java.util.Arrays.equals(renderer.render(page, format), expected.get(format.ordinal())));
            }
            for (Future<Boolean> result : pool.invokeAll(tasks)) {
                assertThat(result.get()).as("result.get()").isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void tombstonesAppearInAtomOnly() throws Exception {
        String deletedId = "urn:uuid:3f2a8c1e-0000-4000-8000-000000000099";

        assertThat(StrictXml.parse(renderer.render(FeedFixtures.page(), FeedFormat.ATOM)).count(
                "/atom:feed/at:deleted-entry[@ref='" + deletedId + "']")).isEqualTo(1);
        assertThat(new String(renderer.render(FeedFixtures.page(), FeedFormat.RSS), StandardCharsets.UTF_8))
                .doesNotContain(deletedId, "deleted-entry", "tombstones");
        assertThat(new String(renderer.render(FeedFixtures.page(), FeedFormat.JSON_FEED), StandardCharsets.UTF_8))
                .doesNotContain(deletedId, "deleted");
    }

    @Test
    void atomWithoutTombstonesDeclaresNoTombstoneNamespace() {
        FeedPage page = FeedFixtures.page();
        FeedPage noDeletions = new FeedPage(page.id(), page.title(), page.description(), page.language(),
                page.self(), page.alternate(), page.first(), page.next(), page.previous(), page.hub(), page.icon(),
                page.updated(), page.built(), page.items(), List.of());

        assertThat(new String(renderer.render(noDeletions, FeedFormat.ATOM), StandardCharsets.UTF_8))
                .doesNotContain("tombstones");
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void outputIsUtf8WithoutCharactersXmlCannotCarry(FeedFormat format) throws Exception {
        String text = StrictXml.strictUtf8(renderer.render(FeedFixtures.page(), format));

        assertThat(text.codePoints().filter(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r')).isEmpty();
        assertThat(text.codePoints().filter(c -> c == 0xFFFE || c == 0xFFFF || (c >= 0x7F && c <= 0x9F))).isEmpty();
        assertThat(text).contains("\uD83D\uDE80").doesNotContain("&#x1f680;", "\\uD83D");
    }

    @Test
    void hostileTitleComesThroughCleanInEveryFormat() throws Exception {
        StrictXml rss = StrictXml.parse(renderer.render(FeedFixtures.page(), FeedFormat.RSS));
        StrictXml atom = StrictXml.parse(renderer.render(FeedFixtures.page(), FeedFormat.ATOM));
        JsonNode json = new ObjectMapper().readTree(renderer.render(FeedFixtures.page(), FeedFormat.JSON_FEED));

        assertThat(rss.text(HOSTILE_ITEM_RSS + "/title")).isEqualTo(CLEAN_TITLE);
        assertThat(atom.text(HOSTILE_ENTRY_ATOM + "/atom:title")).isEqualTo(CLEAN_TITLE);
        assertThat(json.path("items").get(1).path("title").asText()).isEqualTo(CLEAN_TITLE);
        assertThat(StrictXml.rome(renderer.render(FeedFixtures.page(), FeedFormat.ATOM)).getEntries().get(1)
                .getTitle()).isEqualTo(CLEAN_TITLE);
    }

    @Test
    void hostileSummaryStaysTextAndNeverBecomesMarkup() throws Exception {
        StrictXml rss = StrictXml.parse(renderer.render(FeedFixtures.page(), FeedFormat.RSS));
        StrictXml atom = StrictXml.parse(renderer.render(FeedFixtures.page(), FeedFormat.ATOM));
        String expected = "Summary with <script>alert(1)</script> & control";

        // RSS description is read as HTML: one more decoding gives back the literal text, not a script element
        String description = rss.text(HOSTILE_ITEM_RSS + "/description");
        assertThat(Jsoup.parseBodyFragment(description).select("script")).isEmpty();
        assertThat(Parser.unescapeEntities(description, false)).isEqualTo(expected);
        assertThat(atom.text(HOSTILE_ENTRY_ATOM + "/atom:summary")).isEqualTo(expected);
        assertThat(rss.document().getElementsByTagName("script").getLength()).isZero();
        assertThat(atom.document().getElementsByTagName("script").getLength()).isZero();
    }

    @ParameterizedTest
    @EnumSource(FeedFormat.class)
    void hostileBodyIsCleanedAndNonLatinTextSurvives(FeedFormat format) throws Exception {
        String html = hostileContent(format);
        Document body = Jsoup.parseBodyFragment(html);

        assertThat(body.select("script, style")).isEmpty();
        assertThat(body.select("[onclick]")).isEmpty();
        assertThat(body.html()).doesNotContain("javascript:", "steal()", "alert('x')");
        assertThat(body.text()).contains(ARABIC, CJK, "\uD83D\uDE00", "bad link").doesNotContain("\u0000");
        assertThat(body.select("a:contains(relative)").attr("href")).isEqualTo(BASE + "/articles/other");
        // whitespace inside the HTML is the author's: pretty-printing the feed must not touch it
        assertThat(html).endsWith("  keep   spaces");
    }

    @ParameterizedTest(name = "{0}: {1}, {2}")
    @CsvSource(delimiter = '|', value = {
        "RSS       | application/rss+xml  | rss.xml",
        "ATOM      | application/atom+xml | atom.xml",
        "JSON_FEED | application/feed+json | feed.json",
    })
    void mediaTypesAndFileNamesMatchTheContract(FeedFormat format, String mediaType, String fileName) {
        assertThat(format.mediaType()).isEqualTo(mediaType);
        assertThat(format.fileName()).isEqualTo(fileName);
        assertThat(FeedFormat.ofFileName(fileName)).contains(format);
    }

    @Test
    void otherFileNamesAreNoFeed() {
        assertThat(FeedFormat.ofFileName("feed.xml")).isEmpty();
    }

    @Test
    void emptyPageIsAValidFeedInEveryFormat() throws Exception {
        FeedPage empty = FeedFixtures.page(List.of());

        assertThat(StrictXml.parse(renderer.render(empty, FeedFormat.RSS)).count("/rss/channel/title")).isEqualTo(1);
        assertThat(StrictXml.rome(renderer.render(empty, FeedFormat.RSS)).getEntries()).isEmpty();
        assertThat(StrictXml.rome(renderer.render(empty, FeedFormat.ATOM)).getEntries()).isEmpty();
    }

    @Test
    void aPageWithNothingInItClaimsNoDateButAtomsRequiredOneIsWhenItWasBuilt() throws Exception {
        FeedPage empty = FeedFixtures.page(List.of());
        FeedPage nothing = new FeedPage(empty.id(), empty.title(), null, null, empty.self(), empty.alternate(), null,
                null, null, null, null, null, FeedFixtures.BUILT, List.of(), List.of());

        assertThat(nothing.updated()).isNull();
        StrictXml rss = StrictXml.parse(renderer.render(nothing, FeedFormat.RSS));
        assertThat(rss.count("/rss/channel/lastBuildDate")).as("RSS lastBuildDate of an empty feed").isZero();
        assertThat(StrictXml.parse(renderer.render(nothing, FeedFormat.ATOM)).text("/atom:feed/atom:updated"))
                .isEqualTo("2025-03-04T12:30:00Z");
        assertThat(new String(renderer.render(nothing, FeedFormat.JSON_FEED), StandardCharsets.UTF_8))
                .doesNotContain("1970");
    }

    @Test
    void anUndatedPageIsAsRecentAsItsNewestItemOrTombstone() {
        FeedPage page = FeedFixtures.page();
        FeedPage onlyItems = new FeedPage(page.id(), page.title(), null, null, page.self(), page.alternate(), null,
                null, null, null, null, null, FeedFixtures.BUILT, page.items(), List.of());
        FeedPage itemsAndTombstones = new FeedPage(page.id(), page.title(), null, null, page.self(),
                page.alternate(), null, null, null, null, null, null, FeedFixtures.BUILT, page.items(), page.deleted());

        assertThat(onlyItems.updated()).isEqualTo(FeedFixtures.UPDATED);
        assertThat(itemsAndTombstones.updated()).isEqualTo(FeedFixtures.DELETED_AT);
    }

    private String hostileContent(FeedFormat format) throws Exception {
        byte[] bytes = renderer.render(FeedFixtures.page(), format);
        return switch (format) {
            case RSS -> StrictXml.parse(bytes).text(HOSTILE_ITEM_RSS + "/content:encoded");
            case ATOM -> StrictXml.parse(bytes).text(HOSTILE_ENTRY_ATOM + "/atom:content");
            case JSON_FEED -> new ObjectMapper().readTree(bytes).path("items").get(1).path("content_html").asText();
        };
    }
}
