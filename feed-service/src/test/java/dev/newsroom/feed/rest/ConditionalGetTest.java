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
        assertThat(FeedResource.notModified(feed, "\"abc\"", null))
                .as("FeedResource.notModified(feed, \"\\\"abc\\\"\", null)").isTrue();
        assertThat(FeedResource.notModified(feed, "\"x\", W/\"abc\"", null))
                .as("FeedResource.notModified(feed, \"\\\"x\\\", W/\\\"abc\\\"\", null)").isTrue();
        assertThat(FeedResource.notModified(feed, "*", null))
                .as("FeedResource.notModified(feed, \"*\", null)").isTrue();
        assertThat(FeedResource.notModified(feed, "\"x\"", "Sun, 02 Mar 2025 10:00:00 GMT"))
                .as("FeedResource.notModified(feed, \"\\\"x\\\"\", \"Sun, 02 Mar 2025 10:00:00 GMT\")").isFalse();
    }

    @Test
    void ifModifiedSinceCountsOnlyWithoutIfNoneMatch() {
        assertThat(FeedResource.notModified(feed, null, "Sun, 02 Mar 2025 10:00:00 GMT"))
                .as("FeedResource.notModified(feed, null, \"Sun, 02 Mar 2025 10:00:00 GMT\")").isTrue();
        assertThat(FeedResource.notModified(feed, null, "Sun, 2 Mar 2025 10:00:01 GMT"))
                .as("FeedResource.notModified(feed, null, \"Sun, 2 Mar 2025 10:00:01 GMT\")").isTrue();
        assertThat(FeedResource.notModified(feed, null, "Sun, 02 Mar 2025 09:59:59 GMT"))
                .as("FeedResource.notModified(feed, null, \"Sun, 02 Mar 2025 09:59:59 GMT\")").isFalse();
        assertThat(FeedResource.notModified(feed, null, "yesterday"))
                .as("FeedResource.notModified(feed, null, \"yesterday\")").isFalse();
        assertThat(FeedResource.notModified(feed, null, null))
                .as("FeedResource.notModified(feed, null, null)").isFalse();
    }
}
