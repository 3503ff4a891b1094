package dev.newsroom.feed.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import lombok.RequiredArgsConstructor;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.observability.NamedThreads;
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
 * listening connection is down, rendered feeds still expire after a few seconds. The notice carries the feeds the
 * change touched, so the other replicas drop only those (as the replica that applied it does), and the change's W3C
 * traceparent (when tracing is on), so each replica's cache drop shows in the story's trace.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class ReplicaNotices {

    static final String CHANNEL = "feed_changes";
    /** PostgreSQL's limit: a NOTIFY payload must be shorter than 8000 bytes. */
    static final int MAX_PAYLOAD_BYTES = 8000;
    private static final String NONE = "-";

    private final DataSource dataSource;
    private final FeedChanges changes;
    private final String replica = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private volatile boolean listening;
    private final CountDownLatch firstListen = new CountDownLatch(1);
    private Thread listener;

    /**
     * The notice for a change whose earliest event happened at {@code eventTime} (null: none readers see yet) and that
     * touched these feeds (empty: unknown, every feed): "replica time traceparent|- [feed path...]". Scopes that would
     * not fit in a NOTIFY payload are left out, and the other replicas drop every feed.
     */
    String payload(Instant eventTime, Set<FeedScope> scopes) {
        String traceparent = TraceContext.traceparent(Context.current());
        StringBuilder notice = new StringBuilder(replica).append(' ')
                .append(eventTime == null ? NONE : Long.toString(eventTime.toEpochMilli())).append(' ')
                .append(traceparent == null ? NONE : traceparent);
        int withoutScopes = notice.length();
        // feed paths are percent-encoded: ASCII, without spaces, so the length is the size in bytes
        scopes.forEach(scope -> notice.append(' ').append(scope.path()));
        if (notice.length() >= MAX_PAYLOAD_BYTES) {
            notice.setLength(withoutScopes);
        }
        return notice.toString();
    }

    /** True while this replica hears other replicas' changes as they commit. */
    public boolean listening() {
        return listening;
    }

    /** Waits until this replica has listened once (its first drop done), at most this long; true if it has. */
    public boolean awaitFirstListen(Duration timeout) throws InterruptedException {
        return firstListen.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    void start(@Observes StartupEvent startup) {
        running.set(true);
        listener = NamedThreads.daemon("feed-change-listener").newThread(this::listen);
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
                backoffMillis = 500;
                // Changes may have committed while nobody listened: whatever is rendered may be stale. Dropped before
                // saying so, so that what is rendered once this replica listens stays (StartRenders waits for it).
                changes.otherReplicaCommitted(null, Set.of());
                listening = true;
                firstListen.countDown();
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

    /** A notice as another replica sent it; older ones ("replica time [traceparent]") name no feeds. */
    void received(String payload) {
        String[] parts = payload.split(" ");
        if (replica.equals(parts[0])) {
            return; // this replica dropped its feeds right after its own commit
        }
        String time = parts.length > 1 ? parts[1] : NONE;
        Instant eventTime = null;
        if (!NONE.equals(time)) {
            try {
                eventTime = Instant.ofEpochMilli(Long.parseLong(time));
            } catch (NumberFormatException e) {
                Log.debugf("change notice with an unreadable time: %s", payload);
            }
        }
        String traceparent = parts.length > 2 && !NONE.equals(parts[2]) ? parts[2] : null;
        Set<FeedScope> scopes = new LinkedHashSet<>();
        for (int i = 3; i < parts.length; i++) {
            Optional<FeedScope> scope = FeedScope.ofPath(parts[i]);
            if (scope.isEmpty()) {
                Log.debugf("change notice with an unknown feed %s: every feed is dropped", parts[i]);
                scopes.clear();
                break;
            }
            scopes.add(scope.get());
        }
        try (Scope ignored = TraceContext.parent(traceparent).makeCurrent()) {
            changes.otherReplicaCommitted(eventTime, scopes);
        }
    }
}
