package dev.newsroom.outbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The relay's settings, under {@code newsroom.outbox}. */
@ConfigMapping(prefix = "newsroom.outbox")
public interface OutboxConfig {

    /**
     * How long the relay waits for the broker to acknowledge a send. Longer than the producer's max.block.ms plus
     * delivery.timeout.ms (35 s in both services), so the relay never gives up on a send the sink may still complete.
     */
    @WithDefault("PT45S")
    Duration sendTimeout();
}
