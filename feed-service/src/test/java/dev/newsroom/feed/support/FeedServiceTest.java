package dev.newsroom.feed.support;

import java.time.Duration;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A test of the running feed-service: real Kafka and PostgreSQL, a WebSub hub that records pings, and the upstream
 * events it consumes. Every such test declares the same resources, so Quarkus starts the service once for all.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
@WithTestResource(WebSubHub.class)
public abstract class FeedServiceTest {

    /** How long a change may take to show: a bound for a busy machine, not an expectation. */
    protected static final Duration WAIT = Duration.ofSeconds(60);

    protected final UpstreamEvents newsroom = UpstreamEvents.shared();
}
