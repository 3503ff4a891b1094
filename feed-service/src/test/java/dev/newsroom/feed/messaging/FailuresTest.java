package dev.newsroom.feed.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.newsroom.events.MalformedEventException;

class FailuresTest {

    /** Database outages pass (retry); failures an event causes every time do not (dead letter). */
    static Stream<Arguments> failures() {
        return Stream.of(
                row(wrapped(new SQLException("connection refused", "08001")), true),
                row(wrapped(new SQLException("terminating connection", "57P01")), true),
                row(wrapped(new SQLException("deadlock detected", "40P01")), true),
                row(wrapped(new SQLException("too many connections", "53300")), true),
                row(wrapped(new SQLTransientConnectionException("pool timeout")), true),
                row(wrapped(new SQLException("Sorry, acquisition timeout!")), true),
                row(new IllegalStateException(new ConnectException("refused")), true),
                row(wrapped(new SQLException("value too long", "22001")), false),
                row(wrapped(new SQLException("not-null violation", "23502")), false),
                row(new MalformedEventException("bad"), false),
                row(new NullPointerException(), false));
    }

    @ParameterizedTest(name = "{0}: transient {1}")
    @MethodSource("failures")
    void onlyOutagesAreTransient(Throwable failure, boolean expected) {
        assertThat(Failures.isTransient(failure)).as("isTransient(%s)", describe(failure)).isEqualTo(expected);
    }

    private static Arguments row(Throwable failure, boolean transientFailure) {
        return arguments(Named.of(describe(failure), failure), transientFailure);
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("transaction failed", new IllegalStateException("statement failed", cause));
    }

    /** The innermost cause with its SQLState, so a failing row says which failure it was. */
    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root instanceof SQLException sql ? root + " (SQLState " + sql.getSQLState() + ")" : root.toString();
    }
}
