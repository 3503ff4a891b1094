package dev.newsroom.feed.support;

import java.time.Duration;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;

/**
 * What a test of the running feed-service (annotated @QuarkusTest itself: Quarkus makes only the annotated class a
 * bean) stands on: real Kafka and PostgreSQL, a WebSub hub that records pings, and the upstream events it consumes.
 * Every such test has the same resources, so Quarkus starts the service once for all.
 */
@WithTestResource(NewsroomTestResource.class)
@WithTestResource(WebSubHub.class)
public abstract class FeedServiceTest {

    /** How long a change may take to show: a bound for a busy machine, not an expectation. */
    protected static final Duration WAIT = Duration.ofSeconds(60);

    protected final UpstreamEvents newsroom = UpstreamEvents.shared();
}
