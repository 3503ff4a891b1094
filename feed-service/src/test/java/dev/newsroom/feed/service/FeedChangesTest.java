package dev.newsroom.feed.service;

import static dev.newsroom.feed.support.Feeds.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.TestArticle;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** What follows a committed change: the main feed readers poll is rendered again before any of them asks. */
@QuarkusTest
class FeedChangesTest extends FeedServiceTest {

    @Inject
    FeedCache cache;

    @Test
    void theMainFeedIsRenderedAgainRightAfterAChangeWithoutWaitingForAReader() {
        FeedCache.Key main = FeedCache.Key.feed(FeedScope.ALL, FeedFormat.RSS, 1);
        text("/feeds/rss.xml"); // a reader polls it: rendered and cached
        TestArticle article = TestArticle.headlined("Rendered before anyone asks");

        newsroom.published(article);

        // No GET from here on: only the service itself can have rendered the story into the main feed.
        await().atMost(WAIT).untilAsserted(() -> assertThat(
                new String(cache.lastGood(main).body(), StandardCharsets.UTF_8)).contains(article.headline()));
    }
}
