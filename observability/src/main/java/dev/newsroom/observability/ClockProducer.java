package dev.newsroom.observability;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The one clock each service reads, injected wherever time is needed so that a test can replace it. */
@ApplicationScoped
public class ClockProducer {

    /**
     * PostgreSQL keeps microseconds: what is answered then equals what a later read returns. Read it with
     * {@code instant()}: Java 17's tick clock divides by zero in {@code millis()} when the tick is under a millisecond.
     */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
