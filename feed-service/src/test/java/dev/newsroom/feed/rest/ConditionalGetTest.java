package dev.newsroom.feed.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.service.RenderedFeed;

class ConditionalGetTest {

    private final RenderedFeed feed = new RenderedFeed(new byte[0], "application/rss+xml; charset=utf-8",
            "\"abc\"", Instant.parse("2025-03-02T10:00:00Z"), Instant.MAX);

    @Test
    void lastModifiedIsAnImfFixdate() {
        assertThat(feed.lastModifiedHttp()).isEqualTo("Sun, 02 Mar 2025 10:00:00 GMT");
    }

    @Test
    void ifNoneMatchDecidesWhenPresent() {
        assertThat(Documents.notModified(feed, "\"abc\"", null))
                .as("Documents.notModified(feed, \"\\\"abc\\\"\", null)").isTrue();
        assertThat(Documents.notModified(feed, "\"x\", W/\"abc\"", null))
                .as("Documents.notModified(feed, \"\\\"x\\\", W/\\\"abc\\\"\", null)").isTrue();
        assertThat(Documents.notModified(feed, "*", null))
                .as("Documents.notModified(feed, \"*\", null)").isTrue();
        assertThat(Documents.notModified(feed, "\"x\"", "Sun, 02 Mar 2025 10:00:00 GMT"))
                .as("Documents.notModified(feed, \"\\\"x\\\"\", \"Sun, 02 Mar 2025 10:00:00 GMT\")").isFalse();
    }

    @Test
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatch() {
        assertThat(Documents.notModified(feed, null, "Sun, 02 Mar 2025 10:00:00 GMT"))
                .as("Documents.notModified(feed, null, \"Sun, 02 Mar 2025 10:00:00 GMT\")").isTrue();
        assertThat(Documents.notModified(feed, null, "Sun, 2 Mar 2025 10:00:01 GMT"))
                .as("Documents.notModified(feed, null, \"Sun, 2 Mar 2025 10:00:01 GMT\")").isTrue();
        assertThat(Documents.notModified(feed, null, "Sun, 02 Mar 2025 09:59:59 GMT"))
                .as("Documents.notModified(feed, null, \"Sun, 02 Mar 2025 09:59:59 GMT\")").isFalse();
        assertThat(Documents.notModified(feed, null, "yesterday"))
                .as("Documents.notModified(feed, null, \"yesterday\")").isFalse();
        assertThat(Documents.notModified(feed, null, null))
                .as("Documents.notModified(feed, null, null)").isFalse();
    }
}
