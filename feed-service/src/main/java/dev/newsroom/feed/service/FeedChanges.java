package dev.newsroom.feed.service;

import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What happens once a change to the read model has committed: rendered feeds are dropped and the
 * publish-to-visible latency (event time to the moment feeds serve the change) is recorded.
 */
@ApplicationScoped
public class FeedChanges {

    private final FeedCache cache;
    private final Timer publishToVisible;

    public FeedChanges(FeedCache cache, MeterRegistry metrics) {
        this.cache = cache;
        this.publishToVisible = Timer.builder("newsroom.feed.publish.to.visible")
                .description("time from an event's time to the feeds serving it")
                .publishPercentileHistogram()
                .register(metrics);
    }

    public void committed(Instant eventTime) {
        cache.invalidateAll();
        if (eventTime != null) {
            Duration latency = Duration.between(eventTime, Instant.now());
            if (!latency.isNegative()) {
                publishToVisible.record(latency);
            }
        }
    }
}
