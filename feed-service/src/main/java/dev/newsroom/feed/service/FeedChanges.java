package dev.newsroom.feed.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.messaging.WebSubNotifier;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What happens once a change to the read model has committed, here or on another replica: rendered feeds are
 * dropped, the publish-to-visible latency (event time to the moment feeds serve the change) is recorded, and the
 * WebSub hub hears which feeds changed.
 */
@ApplicationScoped
public class FeedChanges {

    private final FeedCache cache;
    private final WebSubNotifier websub;
    private final Timer publishToVisible;
    private final Clock clock;

    public FeedChanges(FeedCache cache, WebSubNotifier websub, MeterRegistry metrics, Clock clock) {
        this.cache = cache;
        this.websub = websub;
        this.clock = clock;
        this.publishToVisible = Timer.builder("newsroom.feed.publish.to.visible")
                .description("time from an event's time to the feeds of this replica serving it")
                .publishPercentileHistogram()
                // exact bucket bounds for the SLO "99% visible within 5 s" and its alerts (deploy/monitoring)
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1), Duration.ofSeconds(5))
                .minimumExpectedValue(Duration.ofMillis(1))
                .maximumExpectedValue(Duration.ofMinutes(1))
                .register(metrics);
    }

    /** A change this replica applied has committed: a span in the event's trace shows the drop and the notices. */
    @WithSpan("feed cache drop")
    public void committed(AppliedChanges applied) {
        if (!applied.any()) {
            return;
        }
        Span.current().setAttribute("newsroom.feed.scopes", applied.scopes().size());
        if (applied.scopes().isEmpty()) {
            cache.invalidateAll(); // replayed events: which feeds they touch is not worked out
        } else {
            cache.invalidate(applied.scopes());
        }
        applied.visibleEventTimes().forEach(this::record);
        websub.changed(applied.scopes());
    }

    /**
     * Another replica committed a change to these feeds (empty: unknown, so every feed; eventTime null: unknown, or
     * nothing readers see yet).
     */
    @WithSpan("feed cache drop (another replica's change)")
    public void otherReplicaCommitted(Instant eventTime, Set<FeedScope> scopes) {
        Span.current().setAttribute("newsroom.feed.scopes", scopes.size());
        if (scopes.isEmpty()) {
            cache.invalidateAll();
        } else {
            cache.invalidate(scopes);
        }
        if (eventTime != null) {
            record(eventTime);
        }
    }

    /** A rebuild finished: any feed may read differently. */
    public void rebuilt() {
        cache.invalidateAll();
    }

    /** Held-back articles became visible in these feeds. */
    public void embargoEnded(Set<FeedScope> scopes) {
        cache.invalidate(scopes);
        websub.changed(scopes);
    }

    private void record(Instant eventTime) {
        Duration latency = Duration.between(eventTime, clock.instant());
        if (!latency.isNegative()) {
            publishToVisible.record(latency);
        }
    }
}
