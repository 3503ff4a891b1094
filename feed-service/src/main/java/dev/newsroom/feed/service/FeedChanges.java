package dev.newsroom.feed.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.messaging.WebSubNotifier;
import dev.newsroom.feed.render.FeedFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.instrumentation.annotations.WithSpan;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What happens once a change to the read model has committed, here or on another replica: rendered feeds are
 * dropped and the main feed readers poll is rendered again, the publish-to-visible latency (event time to the moment
 * feeds serve the change) is recorded, and the WebSub hub hears which feeds changed.
 */
@ApplicationScoped
public class FeedChanges {

    private final FeedCache cache;
    private final FeedService feeds;
    private final WebSubNotifier websub;
    private final Timer publishToVisible;
    private final Clock clock;

    public FeedChanges(FeedCache cache, FeedService feeds, WebSubNotifier websub, MeterRegistry metrics, Clock clock) {
        this.cache = cache;
        this.feeds = feeds;
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
        List<FeedFormat> read = mainFeedsRendered();
        drop(applied.scopes());
        websub.changed(applied.scopes());
        renderAgain(applied.scopes(), read);
        applied.visibleEventTimes().forEach(this::record);
    }

    /**
     * Another replica committed a change to these feeds (empty: unknown, so every feed; eventTime null: unknown, or
     * nothing readers see yet).
     */
    @WithSpan("feed cache drop (another replica's change)")
    public void otherReplicaCommitted(Instant eventTime, Set<FeedScope> scopes) {
        Span.current().setAttribute("newsroom.feed.scopes", scopes.size());
        List<FeedFormat> read = mainFeedsRendered();
        drop(scopes);
        renderAgain(scopes, read);
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

    /** No scopes: which feeds a change touches is not known (replayed events, an old or oversized notice). */
    private void drop(Set<FeedScope> scopes) {
        if (scopes.isEmpty()) {
            cache.invalidateAll();
        } else {
            cache.invalidate(scopes);
        }
    }

    /** The formats of the main feed's first page that are rendered: readers poll them. */
    private List<FeedFormat> mainFeedsRendered() {
        return Stream.of(FeedFormat.values())
                .filter(format -> cache.holds(FeedCache.Key.feed(FeedScope.ALL, format, 1))).toList();
    }

    /**
     * Renders the main feed's first pages again right after the drop (every change is in the main feed), instead of
     * on the next reader's GET: a story is visible one request hop sooner, and the GETs that follow are hits. A GET
     * arriving meanwhile starts no render of its own: it gets the rendering this one replaces (FeedCache). If a
     * reader's render, overtaken by this change, is still running, this call gets that rendering too and the next
     * GET after it renders the change. Not for replayed events (no scopes): a rebuild drops the feeds once per batch.
     */
    private void renderAgain(Set<FeedScope> scopes, List<FeedFormat> formats) {
        if (!scopes.contains(FeedScope.ALL)) {
            return;
        }
        for (FeedFormat format : formats) {
            try {
                feeds.feed(FeedScope.ALL, format, 1);
            } catch (RuntimeException e) {
                // the next reader's GET renders it, or answers the failure
                Log.debugf("rendering %s again after a change failed: %s", format.fileName(), e.getMessage());
            }
        }
    }

    private void record(Instant eventTime) {
        Duration latency = Duration.between(eventTime, clock.instant());
        if (!latency.isNegative()) {
            publishToVisible.record(latency);
        }
    }
}
