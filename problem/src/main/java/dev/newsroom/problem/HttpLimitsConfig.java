package dev.newsroom.problem;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The slowest request body a service waits for. */
@ConfigMapping(prefix = "newsroom.http")
public interface HttpLimitsConfig {

    /** Time a body may take before the minimum rate applies (a client may pause briefly at the start). */
    @WithDefault("10s")
    Duration bodyGrace();

    /** Bytes per second a body must average after the grace period; a slow mobile upload sends far more. */
    @WithDefault("2048")
    long minBodyBytesPerSecond();
}
