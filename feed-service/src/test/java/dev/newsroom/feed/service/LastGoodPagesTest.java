package dev.newsroom.feed.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.service.ArticlePages.Outcome;

class LastGoodPagesTest {

    @Test
    void keepsPagesWithinItsSizeDroppingTheLeastRecentlyUsedFirst() {
        LastGoodPages pages = new LastGoodPages(2 * 300); // 300 chars
        pages.put("a", page('a', 100));
        pages.put("b", page('b', 100));
        pages.get("a");
        pages.put("c", page('c', 150));

        assertThat(pages.get("a")).isNotNull();
        assertThat(pages.get("b")).isNull();
        assertThat(pages.get("c")).isNotNull();
    }

    @Test
    void aNewRenderingReplacesTheOldAndANotFoundForgetsIt() {
        LastGoodPages pages = new LastGoodPages(2 * 1000);
        pages.put("a", page('a', 100));
        pages.put("a", new Outcome(410, "gone"));
        assertThat(pages.get("a").status()).isEqualTo(410);

        pages.put("a", new Outcome(404, "not found"));
        assertThat(pages.get("a")).isNull();
        assertThat(pages.get("unknown")).isNull();
    }

    @Test
    void aPageLargerThanTheWholeBoundIsNotKept() {
        LastGoodPages pages = new LastGoodPages(2 * 50);
        pages.put("big", page('x', 51));
        assertThat(pages.get("big")).isNull();
    }

    private static Outcome page(char fill, int length) {
        return new Outcome(200, String.valueOf(fill).repeat(length));
    }
}
