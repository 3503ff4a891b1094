package dev.newsroom.feed;

import java.time.Instant;

/** Where a rebuild of the read model from the topics stands: progress and outcome. */
public record Rebuild(long generation, String status, Instant startedAt, Instant heartbeatAt, Instant finishedAt,
        long events, long skipped, String error) {

    public static final String RUNNING = "RUNNING";
    public static final String DONE = "DONE";
    public static final String FAILED = "FAILED";
}
