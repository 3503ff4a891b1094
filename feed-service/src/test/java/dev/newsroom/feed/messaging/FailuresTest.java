package dev.newsroom.feed.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.MalformedEventException;

class FailuresTest {

    @Test
    void databaseOutagesPass() {
        assertThat(Failures.isTransient(wrapped(new SQLException("connection refused", "08001"))))
                .as("Failures.isTransient(wrapped(new SQLException(\"connection refused\", \"08001\")))").isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("terminating connection", "57P01"))))
                .as("Failures.isTransient(wrapped(new SQLException(\"terminating connection\", \"57P01\")))").isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("deadlock detected", "40P01"))))
                .as("Failures.isTransient(wrapped(new SQLException(\"deadlock detected\", \"40P01\")))").isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("too many connections", "53300"))))
                .as("Failures.isTransient(wrapped(new SQLException(\"too many connections\", \"53300\")))").isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLTransientConnectionException("pool timeout"))))
                .as("Failures.isTransient(wrapped(new SQLTransientConnectionException(\"pool timeout\")))").isTrue();
        assertThat(Failures.isTransient(wrapped(new SQLException("Sorry, acquisition timeout!"))))
                .as("Failures.isTransient(wrapped(new SQLException(\"Sorry, acquisition timeout!\")))").isTrue();
        assertThat(Failures.isTransient(new IllegalStateException(new ConnectException("refused"))))
                .as("Failures.isTransient(new IllegalStateException(new ConnectException(\"refused\")))").isTrue();
    }

    @Test
    void failuresAnEventCausesEveryTimeDoNot() {
        assertThat(Failures.isTransient(wrapped(new SQLException("value too long", "22001"))))
                .as("Failures.isTransient(wrapped(new SQLException(\"value too long\", \"22001\")))").isFalse();
        assertThat(Failures.isTransient(wrapped(new SQLException("not-null violation", "23502"))))
                .as("Failures.isTransient(wrapped(new SQLException(\"not-null violation\", \"23502\")))").isFalse();
        assertThat(Failures.isTransient(new MalformedEventException("bad")))
                .as("Failures.isTransient(new MalformedEventException(\"bad\"))").isFalse();
        assertThat(Failures.isTransient(new NullPointerException()))
                .as("Failures.isTransient(new NullPointerException())").isFalse();
    }

    private static RuntimeException wrapped(SQLException cause) {
        return new RuntimeException("transaction failed", new IllegalStateException("statement failed", cause));
    }
}
