package dev.newsroom.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class ListPageRendererTest {

    private final ListPageRenderer renderer = new ListPageRenderer();

    @Test
    void frontPageListsStoriesWithHeadlineSummaryThumbnailSectionAndTime() {
        Document document = Jsoup.parse(renderer.render(Fixtures.listing(true), Fixtures.SITE));
        Element first = document.selectFirst("ol.stories > li.story");

        assertThat(document.title()).isEqualTo("Newsroom");
        assertThat(document.select("ol.stories > li")).hasSize(12);
        assertThat(first.hasClass("lead-story")).isTrue();
        assertThat(first.selectFirst("h2 a").text()).isEqualTo("Harbour <script>alert(1)</script> & \"reopens\"");
        assertThat(first.selectFirst("h2 a").attr("href")).isEqualTo("https://news.example.org/articles/harbour-reopens");
        assertThat(first.selectFirst(".story-text > p:not(.kicker, .meta)").text())
                .isEqualTo("The harbour reopened & fishing resumed.");
        assertThat(first.selectFirst(".kicker a").attr("href")).isEqualTo("https://news.example.org/sections/local");
        assertThat(first.selectFirst("time").attr("datetime")).isEqualTo("2025-03-01T08:15:30Z");
        assertThat(first.selectFirst("img").attr("alt")).isEqualTo("Fishing boats leaving the harbour at dawn");
        assertThat(document.select("li.lead-story")).hasSize(1);
    }

    @Test
    void photosHaveTheirSizeEveryRenditionAndLoadLazilyBelowTheFold() {
        Document document = Jsoup.parse(renderer.render(Fixtures.listing(true), Fixtures.SITE));

        assertThat(document.select("ol.stories img")).allSatisfy(img -> {
            assertThat(img.attr("width")).isNotBlank();
            assertThat(img.attr("height")).isNotBlank();
            assertThat(img.attr("srcset")).contains(" 320w", " 1200w", " 4000w");
            assertThat(img.attr("sizes")).isNotBlank();
        });
        assertThat(document.selectFirst("li.story:nth-child(1) img").hasAttr("loading")).isFalse();
        assertThat(document.selectFirst("li.story:nth-child(5) img").attr("loading")).isEqualTo("lazy");
    }

    @Test
    void sectionPageDiscoversItsThreeFeedsAndPages() {
        Document document = Jsoup.parse(renderer.render(Fixtures.listing(false), Fixtures.SITE));

        assertThat(document.title()).isEqualTo("Local news – Newsroom");
        assertThat(document.selectFirst("h1").text()).isEqualTo("Local news");
        assertThat(document.select("link[rel=alternate]").eachAttr("type"))
                .containsExactly("application/rss+xml", "application/atom+xml", "application/feed+json");
        assertThat(document.select("link[rel=alternate]").eachAttr("href")).containsExactly(
                "https://news.example.org/feeds/sections/local/rss.xml",
                "https://news.example.org/feeds/sections/local/atom.xml",
                "https://news.example.org/feeds/sections/local/feed.json");
        assertThat(document.selectFirst("link[rel=alternate]").attr("title")).isEqualTo("Newsroom: Local news (RSS)");
        assertThat(document.selectFirst("link[rel=canonical]").attr("href"))
                .isEqualTo("https://news.example.org/sections/local");
        assertThat(document.selectFirst("a[rel=next]").attr("href")).isEqualTo("https://news.example.org/?page=3");
        assertThat(document.selectFirst("a[rel=prev]").attr("href")).isEqualTo("https://news.example.org/?page=1");
        assertThat(document.selectFirst("nav.sections a[aria-current]").text()).isEqualTo("Local news");
        assertThat(document.select("li.lead-story")).isEmpty();
    }

    @Test
    void hostileTextStaysText() {
        String html = renderer.render(Fixtures.listing(true), Fixtures.SITE);

        assertThat(html).doesNotContain("<script", "javascript:", "onclick", "\u0000");
    }
}
