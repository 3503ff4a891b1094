package dev.newsroom.article.content;

import java.time.Instant;
import java.util.Optional;

import dev.newsroom.problem.Problem.FieldError;

/** Instants an editor may send: ISO-8601 allows years far beyond what PostgreSQL's timestamptz stores. */
public final class Timestamps {

    static final Instant EARLIEST = Instant.parse("1970-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59Z");

    private Timestamps() {
    }

    public static Optional<FieldError> check(String field, Instant value) {
        if (value == null || !value.isBefore(EARLIEST) && !value.isAfter(LATEST)) {
            return Optional.empty();
        }
        return Optional.of(new FieldError(field, "must be between " + EARLIEST + " and " + LATEST));
    }
}
