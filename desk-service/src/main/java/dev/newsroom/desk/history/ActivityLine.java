package dev.newsroom.desk.history;

import java.time.Instant;

/** One event of a story's history, in plain words. */
public record ActivityLine(Instant at, String text, boolean delivered) {
}
