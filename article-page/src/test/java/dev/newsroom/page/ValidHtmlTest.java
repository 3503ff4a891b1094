package dev.newsroom.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Every kind of page passes the W3C Nu HTML checker without a single error. */
class ValidHtmlTest {

    @Test
    void articlePage() {
        assertThat(HtmlChecker.errors(new ArticlePageRenderer().render(Fixtures.article("en"), Fixtures.asset(),
                Fixtures.SITE))).isEmpty();
    }

    @Test
    void minimalArticlePage() {
        assertThat(HtmlChecker.errors(new ArticlePageRenderer().render(Fixtures.minimal(), null, Fixtures.SITE)))
                .isEmpty();
    }

    @Test
    void frontPage() {
        assertThat(HtmlChecker.errors(new ListPageRenderer().render(Fixtures.listing(true), Fixtures.SITE))).isEmpty();
    }

    @Test
    void sectionPage() {
        assertThat(HtmlChecker.errors(new ListPageRenderer().render(Fixtures.listing(false), Fixtures.SITE)))
                .isEmpty();
    }

    @Test
    void emptyFrontPage() {
        assertThat(HtmlChecker.errors(new ListPageRenderer().render(new ListPage("Newsroom", null,
                Fixtures.SITE.home(), null, Fixtures.SITE.feeds(), null, null, null, true), Fixtures.SITE))).isEmpty();
    }

    @Test
    void notFoundPage() {
        assertThat(HtmlChecker.errors(new NoticePageRenderer().render(Fixtures.SITE, "Page not found",
                "There is no story at this address.", Fixtures.SITE.article("nowhere")))).isEmpty();
    }

    @Test
    void checkerFindsErrors() {
        assertThat(HtmlChecker.errors("<!doctype html><html lang=en><title>x</title><p><div></span>")).isNotEmpty();
    }
}
