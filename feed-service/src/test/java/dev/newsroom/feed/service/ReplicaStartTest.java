package dev.newsroom.feed.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.feed.support.FeedServiceTest;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalDataSourceMetrics;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;

/**
 * A replica's first readers wait for nothing it could have done while starting: the main feeds and the front page
 * are rendered, and its database connections are open.
 */
@QuarkusTest
@TestProfile(ReplicaStartTest.JustStarted.class)
class ReplicaStartTest extends FeedServiceTest {

    /** A profile of its own, so that Quarkus starts the service for this class and no other test has asked first. */
    public static class JustStarted implements QuarkusTestProfile {
    }

    @Inject
    FeedCache cache;

    @Inject
    AgroalDataSource database;

    @ConfigProperty(name = "quarkus.datasource.jdbc.initial-size")
    int initialConnections;

    @Test
    void theMainFeedsAndTheFrontPageAreRenderedBeforeAnyoneAsks() {
        for (FeedFormat format : FeedFormat.values()) {
            assertThat(cache.holds(FeedCache.Key.feed(FeedScope.ALL, format, 1))).as(format.fileName()).isTrue();
        }
        assertThat(cache.holds(new FeedCache.Key("page:" + FeedScope.ALL.path(), 1))).as("the front page").isTrue();
    }

    @Test
    void itsDatabaseConnectionsAreOpenBeforeAnyoneAsks() {
        AgroalDataSourceMetrics pool = database.getMetrics();

        // the start itself leaves about three open (migrations, the consumers, the embargo clock)
        assertThat(initialConnections).isGreaterThan(3);
        assertThat(pool.availableCount() + pool.activeCount()).as("connections open")
                .isGreaterThanOrEqualTo(initialConnections);
    }
}
