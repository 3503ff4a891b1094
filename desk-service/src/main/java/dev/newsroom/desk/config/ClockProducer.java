package dev.newsroom.desk.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The one clock the desk reads, injected wherever time is needed so that a test can replace it. The services
 * get theirs from the observability module, which the desk does not take: it brings Kafka and tracing along.
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
