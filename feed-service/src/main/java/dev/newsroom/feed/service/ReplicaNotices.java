package dev.newsroom.feed.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.newsroom.observability.TraceContext;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells every replica that the read model changed. Replicas of one consumer group each consume only some partitions,
 * so the one that applied a change sends a PostgreSQL NOTIFY from the same transaction (delivered on commit, never
 * for a rollback) and each replica LISTENs on a connection of its own and drops its rendered feeds. While the
 * listening connection is down, rendered feeds still expire after a few seconds. The notice carries the change's
 * W3C traceparent (when tracing is on), so each replica's cache drop shows in the story's trace.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class ReplicaNotices {

    static final String CHANNEL = "feed_changes";
    private static final String NO_TIME = "-";

    private final DataSource dataSource;
    private final FeedChanges changes;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean listening;
    private Thread listener;

    /**
     * The notice for a change whose earliest event happened at {@code eventTime} (null: none readers see yet):
     * "replica time [traceparent]".
     */
    String payload(Instant eventTime) {
        String notice = replica + " " + (eventTime == null ? NO_TIME : Long.toString(eventTime.toEpochMilli()));
        String traceparent = TraceContext.traceparent(Context.current());
        return traceparent == null ? notice : notice + " " + traceparent;
    }

    /** True while this replica hears other replicas' changes as they commit. */
    public boolean listening() {
        return listening;
    }

    void start(@Observes StartupEvent startup) {
        running.set(true);
        listener = new Thread(this::listen, "feed-change-listener");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        running.set(false);
        if (listener != null) {
            listener.interrupt();
        }
    }

    private void listen() {
        long backoffMillis = 500;
        while (running.get()) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("LISTEN " + CHANNEL);
                }
                PGConnection postgres = connection.unwrap(PGConnection.class);
                listening = true;
                backoffMillis = 500;
                // Changes may have committed while nobody listened: whatever is rendered may be stale.
                changes.otherReplicaCommitted(null);
                while (running.get()) {
                    PGNotification[] notices = postgres.getNotifications(1_000);
                    if (notices != null) {
                        for (PGNotification notice : notices) {
                            received(notice.getParameter());
                        }
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening = false;
                if (!running.get()) {
                    return;
                }
                Log.warnf("listening for read-model changes failed (%s); retrying in %d ms; rendered feeds "
                        + "expire after a few seconds meanwhile", e.getMessage(), backoffMillis);
                try {
                    TimeUnit.MILLISECONDS.sleep(backoffMillis);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoffMillis = Math.min(backoffMillis * 2, 10_000);
            }
        }
        listening = false;
    }

    private void received(String payload) {
        String[] parts = payload.split(" ", 3);
        if (replica.equals(parts[0])) {
            return; // this replica dropped its feeds right after its own commit
        }
        String time = parts.length > 1 ? parts[1] : NO_TIME;
        Instant eventTime = null;
        if (!NO_TIME.equals(time)) {
            try {
                eventTime = Instant.ofEpochMilli(Long.parseLong(time));
            } catch (NumberFormatException e) {
                Log.debugf("change notice with an unreadable time: %s", payload);
            }
        }
        Context change = TraceContext.parent(parts.length > 2 ? parts[2] : null);
        try (Scope ignored = change.makeCurrent()) {
            changes.otherReplicaCommitted(eventTime);
        }
    }
}
