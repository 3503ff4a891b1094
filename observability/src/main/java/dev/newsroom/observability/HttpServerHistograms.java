package dev.newsroom.observability;

import java.time.Duration;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Gives {@code http_server_requests_seconds} a few fixed histogram buckets per route, so latency percentiles and
 * latency SLOs can be computed across replicas. A handful of bounds rather than Micrometer's 70-odd percentile
 * buckets keeps the series per route, method and status small.
 */
public class HttpServerHistograms {

    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter httpServerBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals(HTTP_SERVER_REQUESTS)) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(seconds(0.025), seconds(0.05), seconds(0.1), seconds(0.25),
                                seconds(0.5), seconds(1), seconds(2.5), seconds(5), seconds(10))
                        .build()
                        .merge(config);
            }
        };
    }

    private static double seconds(double seconds) {
        return Duration.ofNanos((long) (seconds * 1e9)).toNanos();
    }
}
