package dev.newsroom.feed.messaging;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.Set;

import dev.newsroom.events.MalformedEventException;

/**
 * Tells a failure that will pass (the database is down, busy or restarting: retry the same events) from one that
 * an event causes every time (dead-letter that event). Getting this wrong one way loses good events from the feeds
 * during an outage; the other way, one bad event stops the topic for good.
 */
final class Failures {

    /** SQLSTATE classes of failures that pass: connection, rollback (serialization, deadlock), resources, operator. */
    private static final Set<String> TRANSIENT_CLASSES = Set.of("08", "40", "53", "55", "57", "58");

    private Failures() {
    }

    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof MalformedEventException) {
                return false;
            }
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof IOException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // no state: the pool's acquisition timeout and driver-side I/O failures
                return state == null || state.length() < 2 || TRANSIENT_CLASSES.contains(state.substring(0, 2));
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
