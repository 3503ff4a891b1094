package dev.newsroom.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * The outbox backlog as gauges: unsent events and the age of the oldest one. A relay that cannot reach the broker
 * (or is stuck) shows here long before readers miss a story. Counted every few seconds rather than on each scrape,
 * so Prometheus never waits for the database; the age is computed at scrape time from the oldest event's time.
 */
@ApplicationScoped
public class OutboxBacklog {

    private final EntityManager entities;
    private final Clock clock;
    private volatile double unsent = Double.NaN;
    /** Time of the oldest unsent event; {@code null} while there is none. */
    private volatile Instant oldest;
    private volatile boolean measured;

    public OutboxBacklog(EntityManager entities, MeterRegistry metrics, Clock clock) {
        this.entities = entities;
        this.clock = clock;
        Gauge.builder("newsroom.outbox.unsent", this, backlog -> backlog.unsent)
                .description("events written to the outbox and not yet acknowledged by the broker (NaN until counted)")
                .baseUnit("events")
                .register(metrics);
        Gauge.builder("newsroom.outbox.oldest.unsent.age", this, OutboxBacklog::oldestAgeSeconds)
                .description("how long the oldest unsent event has waited, 0 when none waits (NaN until counted)")
                .baseUnit("seconds")
                .register(metrics);
    }

    @Scheduled(every = "${newsroom.outbox.backlog-interval:5s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entities.createNativeQuery(
                    "select count(*), min(occurred_at) from outbox_event where sent_at is null").getSingleResult());
            oldest = row[1] == null ? null : toInstant(row[1]);
            unsent = ((Number) row[0]).doubleValue();
            measured = true;
        } catch (RuntimeException e) {
            // The database is away: keep the last figures (an outage shows in health and the pool metrics).
            Log.debugf("outbox backlog not counted: %s", e.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        if (!measured) {
            return Double.NaN;
        }
        Instant time = oldest;
        return time == null ? 0 : Math.max(0, Duration.between(time, clock.instant()).toMillis() / 1000.0);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        throw new IllegalStateException("unexpected timestamp type " + value.getClass().getName());
    }
}
