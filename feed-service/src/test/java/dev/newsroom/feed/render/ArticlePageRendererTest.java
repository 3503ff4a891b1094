package dev.newsroom.feed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ArticlePageRendererTest {

    private static final String HEADLINE = "Harbour <script>alert(1)</script> & \"reopens\"\u0000";
    private static final URI CANONICAL = URI.create("https://news.example.org/articles/harbour-reopens");

    private final ArticlePageRenderer renderer = new ArticlePageRenderer();

    private static ArticlePage page(String language) {
        return new ArticlePage(HEADLINE, "The harbour reopened & fishing resumed.",
                "<p onclick=\"steal()\" style=\"color:red\">Boats left at <strong>dawn</strong>.</p>"
                        + "<script>alert(2)</script><style>body{display:none}</style>"
                        + "<p><a href=\"javascript:alert(3)\">bad</a> <a href=\"/articles/storm\">storm</a></p>"
                        + "<img src=\"https://news.example.org/media/1/large\" onerror=\"alert(4)\" alt=\"Boats\">"
                        + "<iframe src=\"https://evil.example/\"></iframe>",
                language, CANONICAL, FeedFixtures.PUBLISHED, FeedFixtures.UPDATED, List.of("Ana Silva", "Omar Haddad"),
                "local", List.of("harbour", "weather"), FeedFixtures.image(),
                List.of(new ArticlePage.Link("Storm warning issued", URI.create("https://news.example.org/articles/storm")),
                        new ArticlePage.Link("Click me", URI.create("javascript:alert(5)"))),
                "An earlier version gave the wrong date.", "Newsroom");
    }

    private Document render(ArticlePage page) {
        return Jsoup.parse(renderer.render(page));
    }

    @Test
    void isAnHtml5DocumentInTheArticlesLanguage() {
        String html = renderer.render(page("en"));
        Document document = Jsoup.parse(html);

        assertThat(html).startsWith("<!doctype html>");
        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(document.selectFirst("html").hasAttr("dir")).isFalse();
        assertThat(document.selectFirst("meta[charset]").attr("charset")).isEqualTo("utf-8");
        assertThat(document.selectFirst("meta[name=viewport]")).isNotNull();
        assertThat(document.selectFirst("link[rel=canonical]").attr("href")).isEqualTo(CANONICAL.toString());
        assertThat(document.selectFirst("style").data()).contains(".skip-link");
    }

    @Test
    void rightToLeftLanguagesGetDirRtl() {
        Document document = render(page("ar-EG"));

        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("ar-EG");
        assertThat(document.selectFirst("html").attr("dir")).isEqualTo("rtl");
    }

    @Test
    void skipLinkComesFirstAndLeadsToMain() {
        Document document = render(page("en"));
        Element first = document.body().child(0);

        assertThat(first.tagName()).isEqualTo("a");
        assertThat(first.text()).isEqualTo("Skip to content");
        assertThat(first.attr("href")).isEqualTo("#content");
        assertThat(document.select("main#content")).hasSize(1);
    }

    @Test
    void headlineIsEscapedEverywhere() {
        String html = renderer.render(page("en"));
        Document document = Jsoup.parse(html);

        assertThat(html).contains("Harbour &lt;script&gt;alert(1)&lt;/script&gt; &amp; \"reopens\"");
        assertThat(document.selectFirst("h1").text()).isEqualTo("Harbour <script>alert(1)</script> & \"reopens\"");
        assertThat(document.title()).isEqualTo("Harbour <script>alert(1)</script> & \"reopens\" – Newsroom");
        assertThat(html).doesNotContain("\u0000");
    }

    @Test
    void pageHasNoScriptHandlerOrJavascriptUrl() {
        String html = renderer.render(page("en"));
        Document document = Jsoup.parse(html);

        assertThat(html.toLowerCase()).doesNotContain("<script", "javascript:", "onclick", "onerror", "<iframe");
        assertThat(document.select("script, iframe")).isEmpty();
        assertThat(document.select("style")).hasSize(1);
        assertThat(document.select("main [style]")).isEmpty();
        assertThat(document.selectFirst("div.body").text()).contains("Boats left at dawn.", "bad", "storm");
        assertThat(document.select("div.body a:contains(storm)").attr("href"))
                .isEqualTo("https://news.example.org/articles/storm");
        assertThat(document.selectFirst("div.body img").attr("alt")).isEqualTo("Boats");
    }

    @Test
    void leadPhotoIsAFigureWithCaptionAndCredit() {
        Element figure = render(page("en")).selectFirst("main figure");

        assertThat(figure.selectFirst("img").attr("src")).isEqualTo("https://news.example.org/media/6f1c/large");
        assertThat(figure.selectFirst("img").attr("alt")).isEqualTo("Harbour at dawn, boats & \"nets\"");
        assertThat(figure.selectFirst("img").attr("width")).isEqualTo("1200");
        assertThat(figure.selectFirst("figcaption").text())
                .isEqualTo("Harbour at dawn, boats & \"nets\" Photo: Jane Doe/Agency");
    }

    @Test
    void showsSummaryBylineTimesCorrectionAndTags() {
        Document document = render(page("en"));

        assertThat(document.selectFirst("p.summary").text()).isEqualTo("The harbour reopened & fishing resumed.");
        assertThat(document.selectFirst("p.meta").text()).startsWith("By Ana Silva, Omar Haddad");
        assertThat(document.select("time").eachAttr("datetime"))
                .containsExactly("2025-03-01T08:15:30Z", "2025-03-02T10:00:00Z");
        assertThat(document.selectFirst(".correction").text())
                .isEqualTo("Correction: An earlier version gave the wrong date.");
        assertThat(document.selectFirst("p.tags").text()).isEqualTo("Tags: harbour, weather");
        assertThat(document.selectFirst("p.section").text()).isEqualTo("local");
    }

    @Test
    void readAlsoIsAListOfSafeLinks() {
        Element related = render(page("en")).selectFirst("nav.related");

        assertThat(related.selectFirst("h2").text()).isEqualTo("Read also");
        assertThat(related.attr("aria-labelledby")).isEqualTo(related.selectFirst("h2").id());
        assertThat(related.select("ul > li > a")).hasSize(1);
        assertThat(related.selectFirst("a").attr("href")).isEqualTo("https://news.example.org/articles/storm");
        assertThat(related.selectFirst("a").text()).isEqualTo("Storm warning issued");
    }

    @Test
    void minimalArticleLeavesOutWhatItDoesNotHave() {
        Document document = render(new ArticlePage("Just a headline", null, null, null, CANONICAL, null, null, null,
                null, null, null, null, null, null));

        assertThat(document.selectFirst("html").attr("lang")).isEqualTo("en");
        assertThat(document.title()).isEqualTo("Just a headline");
        assertThat(document.select("figure, nav, .correction, .summary, .meta, time")).isEmpty();
        assertThat(document.selectFirst("main#content h1").text()).isEqualTo("Just a headline");
    }

    @Test
    void samePageRendersToTheSameText() {
        assertThat(renderer.render(page("en"))).isEqualTo(new ArticlePageRenderer().render(page("en")));
    }
}
