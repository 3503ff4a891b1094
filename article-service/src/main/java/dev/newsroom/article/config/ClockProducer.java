package dev.newsroom.article.config;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The clock the workflow reads, replaceable in tests of scheduling. */
@ApplicationScoped
public class ClockProducer {

    /** PostgreSQL keeps microseconds: a save's answer then shows the same times as a later read. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
