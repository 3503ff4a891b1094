package dev.newsroom.feed.service;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

import dev.newsroom.problem.DatabaseUnavailable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Remembers for a moment that the database just failed to answer, so that readers get the last good rendering at
 * once instead of each waiting out the driver's timeout and holding a pooled connection while they do.
 */
@ApplicationScoped
public class DatabaseOutage {

    /** Short enough that a thawed database serves fresh pages again within a second or two. */
    static final long HOLD_MILLIS = 1_000;

    private final AtomicLong until = new AtomicLong();
    private final Counter staleAnswers;
    private final Clock clock;

    public DatabaseOutage(MeterRegistry metrics, Clock clock) {
        this.clock = clock;
        this.staleAnswers = Counter.builder("newsroom.feed.stale.answers")
                .description("feeds and pages answered from their last good rendering while the database was away")
                .register(metrics);
    }

    /** True while a failure of the database was seen less than {@link #HOLD_MILLIS} ago; counts a stale answer. */
    boolean inProgress() {
        // instant(), not millis(): the service's clock ticks in microseconds, and Clock.tick's millis() divides by
        // the tick's whole milliseconds (zero)
        boolean inProgress = clock.instant().toEpochMilli() < until.get();
        if (inProgress) {
            staleAnswers.increment();
        }
        return inProgress;
    }

    /** True (and remembered) if this failure means the database is away; counts a stale answer. */
    boolean noticed(Throwable failure) {
        if (!DatabaseUnavailable.causedBy(failure)) {
            return false;
        }
        until.set(clock.instant().toEpochMilli() + HOLD_MILLIS);
        staleAnswers.increment();
        return true;
    }
}
