package dev.newsroom.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ArticlePageRendererTest {

    private static final String CANONICAL = "https://news.example.org/articles/harbour-reopens";

    private final ArticlePageRenderer renderer = new ArticlePageRenderer();

    private String html(String language) {
        return renderer.render(Fixtures.article(language), Fixtures.asset(), Fixtures.SITE);
    }

    private Document render(String language) {
        return Jsoup.parse(html(language));
    }

    @Test
    void isAnHtml5DocumentInTheArticlesLanguage() {
        String html = html("en");
        Document document = Jsoup.parse(html);

        assertThat(html).startsWith("<!doctype html>");
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(document.selectFirst("html").hasAttr("dir")).isFalse();
        assertThat(document.selectFirst("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(document.selectFirst("meta[name=viewport]")).isNotNull();
        assertThat(document.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(CANONICAL);
        assertThat(document.selectFirst("style").data()).contains(".skip-link");
    }

    @Test
    void rightToLeftLanguagesGetDirRtl() {
        Document document = render("ar-EG");

        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("ar-EG");
        assertThat(document.selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void skipLinkComesFirstAndLeadsToMain() {
        Document document = render("en");
        Element first = document.body().child(0);

        assertThat(first.tagName()).isEqualTo("a");
        assertThat(first.text()).isEqualTo("Skip to content");
        assertThat(first.attr("href")).isEqualTo("#content");
        assertThat(document.select("main#content")).hasSize(1);
        assertThat(document.selectFirst("main").attr("tabindex")).as("focusable by the link, not by Tab")
                .isEqualTo("-1");
    }

    @Test
    void headlineIsEscapedEverywhere() {
        String html = html("en");
        Document document = Jsoup.parse(html);

        assertThat(html).contains("Harbour &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"reopens\"");
        assertThat(document.selectFirst("h1").text()).isEqualTo("Harbour <script>alert(1)</script> & \"reopens\"");
        assertThat(document.title()).isEqualTo("Harbour <script>alert(1)</script> & \"reopens\" – Newsroom");
        assertThat(html).doesNotContain("\u0000");
    }

    @Test
    void pageHasNoExecutableScriptHandlerOrJavascriptUrl() {
        String html = html("en");
        Document document = Jsoup.parse(html);

        assertThat(html.toLowerCase()).doesNotContain("javascript:", "onclick", "onerror", "<iframe");
        assertThat(document.select("script")).allSatisfy(
                script -> assertThat(script.attr("type")).isEqualTo("application/ld+json"));
        assertThat(document.select("script")).hasSize(1);
        assertThat(document.select("iframe")).isEmpty();
        assertThat(document.select("style")).hasSize(1);
        assertThat(document.select("main [style]")).isEmpty();
        assertThat(document.selectFirst("div.body").text()).contains("Boats left at dawn.", "bad", "storm");
        assertThat(document.select("div.body a:contains(storm)").attr("href"))
                .isEqualTo("https://news.example.org/articles/storm");
        assertThat(document.selectFirst("div.body img").attr("alt")).isEqualTo("Boats");
        assertThat(document.selectFirst("div.body img").attr("loading")).isEqualTo("lazy");
    }

    @Test
    void leadPhotoOffersEveryRenditionWithCaptionAndCreditApart() {
        Element figure = render("en").selectFirst("main figure.lead-photo");
        Element img = figure.selectFirst("img");

        assertThat(img.attr("src")).isEqualTo("https://media.example.org/media/" + Fixtures.MEDIA_ID + "/large");
        assertThat(img.attr("alt")).isEqualTo("Fishing boats leaving the harbour at dawn");
        assertThat(img.attr("width")).isEqualTo("1200");
        assertThat(img.attr("height")).isEqualTo("800");
        assertThat(img.attr("srcset")).isEqualTo("https://media.example.org/media/" + Fixtures.MEDIA_ID + "/thumb 320w, "
                + "https://media.example.org/media/" + Fixtures.MEDIA_ID + "/large 1200w, "
                + "https://media.example.org/media/" + Fixtures.MEDIA_ID + "/original 4000w");
        assertThat(img.attr("sizes")).isNotBlank();
        assertThat(img.hasAttr("loading")).as("the lead photo is above the fold").isFalse();
        assertThat(figure.selectFirst("figcaption .caption").text()).isEqualTo("Harbour at dawn, boats & \"nets\"");
        assertThat(figure.selectFirst("figcaption .credit").text()).isEqualTo("Photo: Jane Doe/Agency");
    }

    @Test
    void readersReadTheTimesInTheNewsroomsTimeZoneAndMachinesInUtc() {
        Site newYork = new Site("Newsroom", "https://news.example.org", null, List.of(), Fixtures.SITE.sectionNames(),
                null, ZoneId.of("America/New_York"));
        Document document = Jsoup.parse(renderer.render(Fixtures.article("en"), Fixtures.asset(), newYork));

        assertThat(document.select("main time").eachText())
                .containsExactly("1 March 2025, 03:15 EST", "2 March 2025, 05:00 EST");
        assertThat(document.select("main time").eachAttr("datetime"))
                .containsExactly("2025-03-01T08:15:30Z", "2025-03-02T10:00:00Z");
        assertThat(document.selectFirst("meta[property=article:published_time]").attr("content"))
                .isEqualTo("2025-03-01T08:15:30Z");
        assertThat(Jsoup.parse(new ListPageRenderer().render(Fixtures.listing(true), newYork))
                .selectFirst("ol.stories time").text()).isEqualTo("1 March 2025, 03:15 EST");
    }

    @Test
    void showsSummaryBylineTimesCorrectionAndLinksSectionAndTags() {
        Document document = render("en");

        assertThat(document.selectFirst("p.summary").text()).isEqualTo("The harbour reopened & fishing resumed.");
        assertThat(document.selectFirst("p.byline").text()).startsWith("By Ana Silva, Omar Haddad");
        assertThat(document.select("main time").eachAttr("datetime"))
                .containsExactly("2025-03-01T08:15:30Z", "2025-03-02T10:00:00Z");
        assertThat(document.select("main time").eachText())
                .containsExactly("1 March 2025, 08:15 UTC", "2 March 2025, 10:00 UTC");
        assertThat(document.selectFirst(".correction").text())
                .isEqualTo("Correction: An earlier version gave the wrong date.");
        assertThat(document.selectFirst(".kicker a").attr("href")).isEqualTo("https://news.example.org/sections/local");
        assertThat(document.selectFirst(".kicker a").text()).as("the section's configured name")
                .isEqualTo("Local news");
        assertThat(document.select("nav.topics a").eachAttr("href")).containsExactly(
                "https://news.example.org/tags/harbour", "https://news.example.org/tags/weather");
        assertThat(document.select("nav.sections a").eachAttr("href")).containsExactly(
                "https://news.example.org/sections/local", "https://news.example.org/sections/world");
        assertThat(document.select("nav.sections a").eachText()).containsExactly("Local news", "World");
        assertThat(document.selectFirst("nav.sections a[aria-current]").text()).isEqualTo("Local news");
        assertThat(document.selectFirst("meta[property=article:section]").attr("content")).isEqualTo("Local news");
    }

    @Test
    void sharingTagsCarryTheLargeRenditionAndItsAltText() {
        Document document = render("en");
        String large = "https://media.example.org/media/" + Fixtures.MEDIA_ID + "/large";

        assertThat(document.selectFirst("meta[property=og:image]").attr("content")).isEqualTo(large);
        assertThat(document.selectFirst("meta[property=og:image:alt]").attr("content"))
                .isEqualTo("Fishing boats leaving the harbour at dawn");
        assertThat(document.selectFirst("meta[property=og:url]").attr("content")).isEqualTo(CANONICAL);
        assertThat(document.selectFirst("meta[property=og:title]").attr("content"))
                .isEqualTo("Harbour <script>alert(1)</script> & \"reopens\"");
        assertThat(document.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary_large_image");
        assertThat(document.selectFirst("meta[name=twitter:image]").attr("content")).isEqualTo(large);
        assertThat(document.selectFirst("meta[name=twitter:image:alt]").attr("content"))
                .isEqualTo("Fishing boats leaving the harbour at dawn");
    }

    @Test
    void readAlsoIsAListOfSafeLinks() {
        Element related = render("en").selectFirst("nav.related");

        assertThat(related.selectFirst("h2").text()).isEqualTo("Read also");
        assertThat(related.attr("aria-labelledby")).isEqualTo(related.selectFirst("h2").id());
        assertThat(related.select("ul > li > a")).hasSize(1);
        assertThat(related.selectFirst("a").attr("href")).isEqualTo("https://news.example.org/articles/storm");
        assertThat(related.selectFirst("a").text()).isEqualTo("Storm warning issued");
    }

    @Test
    void minimalArticleLeavesOutWhatItDoesNotHave() {
        Document document = Jsoup.parse(renderer.render(Fixtures.minimal(), null, Fixtures.SITE));

        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(document.title()).isEqualTo("Just a headline – Newsroom");
        assertThat(document.select("figure, nav.related, nav.topics, .correction, .summary, .byline, main time"))
                .isEmpty();
        assertThat(document.selectFirst("main#content h1").text()).isEqualTo("Just a headline");
        assertThat(document.selectFirst("meta[name=twitter:card]").attr("content")).isEqualTo("summary");
    }

    @Test
    void photoOfAnotherAssetIsNotShown() {
        var other = Fixtures.asset();
        var wrong = new dev.newsroom.events.MediaAssetSnapshot(java.util.UUID.randomUUID(), other.caption(),
                other.credit(), null, other.altText(), 1, 1, "image/jpeg", 1, other.renditions(), 1, false, null, null);

        assertThat(Jsoup.parse(renderer.render(Fixtures.article("en"), wrong, Fixtures.SITE)).select("figure"))
                .isEmpty();
    }

    @Test
    void samePageRendersToTheSameText() {
        assertThat(html("en")).isEqualTo(new ArticlePageRenderer().render(Fixtures.article("en"), Fixtures.asset(),
                Fixtures.SITE));
    }
}
