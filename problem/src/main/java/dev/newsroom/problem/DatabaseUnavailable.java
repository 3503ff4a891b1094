package dev.newsroom.problem;

import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Locale;

/**
 * Tells a failure caused by the database being away (frozen, restarting, unreachable, out of connections) from every
 * other failure: the first is the client's cue to retry shortly (503), the second a fault of this service (500).
 */
public final class DatabaseUnavailable {

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth++ < 20; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof SQLRecoverableException || cause instanceof SQLTimeoutException
                    || cause instanceof SocketTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && unavailable(sql) || gettingAConnectionFailed(cause)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Hibernate says so when the pool could not hand out a connection, whatever the driver's reason (pgjdbc reports
     * a log-in cut short by its loginTimeout as "Interrupted while attempting to connect", SQLSTATE 99999).
     */
    private static boolean gettingAConnectionFailed(Throwable cause) {
        String message = cause.getMessage();
        return message != null && (message.startsWith("Unable to acquire JDBC Connection")
                || message.contains("Interrupted while attempting to connect"));
    }

    private static boolean unavailable(SQLException sql) {
        String state = sql.getSQLState();
        if (state == null) {
            // Agroal's pool says so in words only: "Acquisition timeout while waiting for new connection"
            String message = sql.getMessage() == null ? "" : sql.getMessage().toLowerCase(Locale.ROOT);
            return message.contains("acquisition timeout");
        }
        // 08: connection exception (refused, broken, timed out); 57P01-57P03: shut down, crashed, starting up
        return state.startsWith("08") || state.startsWith("57P");
    }
}
