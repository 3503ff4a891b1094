package dev.newsroom.feed.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.feed.support.FeedServiceTest;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/** A replica serves its first reader the main feeds and the front page already rendered. */
@QuarkusTest
@TestProfile(StartRendersTest.JustStarted.class)
class StartRendersTest extends FeedServiceTest {

    /** A profile of its own, so that Quarkus starts the service for this class and no other test has asked first. */
    public static class JustStarted implements QuarkusTestProfile {
    }

    @Inject
    FeedCache cache;

    @Test
    void theMainFeedsAndTheFrontPageAreRenderedBeforeAnyoneAsks() {
        for (FeedFormat format : FeedFormat.values()) {
            assertThat(cache.holds(FeedCache.Key.feed(FeedScope.ALL, format, 1))).as(format.fileName()).isTrue();
        }
        assertThat(cache.holds(new FeedCache.Key("page:" + FeedScope.ALL.path(), 1))).as("the front page").isTrue();
    }
}
