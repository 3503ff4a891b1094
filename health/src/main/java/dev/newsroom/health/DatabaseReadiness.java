package dev.newsroom.health;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import jakarta.enterprise.context.ApplicationScoped;

import dev.newsroom.observability.NamedThreads;

/**
 * Readiness of the database, answered within a bound. Quarkus' own check waits as long as the driver does, so a
 * frozen PostgreSQL kept the probe hanging for 13 s and then said UP; a probe that times out is a failed probe
 * anyway, so this one says DOWN after {@link #BOUND} and names the reason.
 */
@RequiredArgsConstructor
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    /**
     * Well below Kubernetes' probe timeout (2 s in deploy/): the whole answer must take under a second, also on a
     * busy machine where serving the request itself has taken a few hundred milliseconds.
     */
    static final Duration BOUND = Duration.ofMillis(500);
    /** How long the driver may take to validate a connection it got (seconds, as JDBC counts them). */
    private static final int VALIDATION_SECONDS = 2;

    private final DataSource dataSource;
    // One daemon thread: while the database hangs, later probes wait on the probe already under way instead of
    // piling up threads that each hold a connection.
    private final ExecutorService probes = Executors.newSingleThreadExecutor(NamedThreads.daemon("database-readiness"));
    private Future<Boolean> underWay;

    @Override
    public HealthCheckResponse call() {
        Future<Boolean> probe = probe();
        try {
            return probe.get(BOUND.toMillis(), TimeUnit.MILLISECONDS)
                    ? HealthCheckResponse.up("database")
                    : down("the database did not validate a connection");
        } catch (TimeoutException e) {
            return down("no answer from the database within " + BOUND.toMillis() + " ms");
        } catch (ExecutionException e) {
            return down(e.getCause() == null ? "unreachable" : e.getCause().getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return down("interrupted");
        }
    }

    private synchronized Future<Boolean> probe() {
        if (underWay == null || underWay.isDone()) {
            underWay = probes.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    return connection.isValid(VALIDATION_SECONDS);
                }
            });
        }
        return underWay;
    }

    private static HealthCheckResponse down(String reason) {
        return HealthCheckResponse.named("database").down().withData("reason", String.valueOf(reason)).build();
    }
}
