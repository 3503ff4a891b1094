package dev.newsroom.feed.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import dev.newsroom.feed.Rebuild;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import lombok.RequiredArgsConstructor;

/** The rebuilds operators started: one at a time across replicas, with progress and outcome. */
@RequiredArgsConstructor
@ApplicationScoped
public class RebuildLog {

    private static final String SELECT = "SELECT generation, status, started_at, heartbeat_at, finished_at, events,"
            + " skipped, error FROM feed_rebuild";

    private final EntityManager entities;

    /**
     * Opens the next generation, unless a rebuild is running and alive (its heartbeat younger than
     * {@code staleAfter}); the row lock on feed_state makes replicas take turns. Live writes carry the new
     * generation from the moment this commits.
     */
    public Optional<Rebuild> begin(Instant now, Instant staleBefore) {
        long current = ((Number) entities.createNativeQuery(
                "SELECT generation FROM feed_state WHERE id = 1 FOR UPDATE").getSingleResult()).longValue();
        List<?> alive = entities.createNativeQuery("SELECT generation FROM feed_rebuild WHERE status = 'RUNNING'"
                + " AND heartbeat_at >= :staleBefore")
                .setParameter("staleBefore", Timestamp.from(staleBefore))
                .getResultList();
        if (!alive.isEmpty()) {
            return Optional.empty();
        }
        entities.createNativeQuery("UPDATE feed_rebuild SET status = 'FAILED', finished_at = :now,"
                + " error = 'abandoned: no heartbeat' WHERE status = 'RUNNING'")
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
        long next = current + 1;
        entities.createNativeQuery("UPDATE feed_state SET generation = :next WHERE id = 1")
                .setParameter("next", next)
                .executeUpdate();
        entities.createNativeQuery("INSERT INTO feed_rebuild (generation, status, started_at, heartbeat_at)"
                + " VALUES (:generation, 'RUNNING', :now, :now)")
                .setParameter("generation", next)
                .setParameter("now", Timestamp.from(now))
                .executeUpdate();
        return find(next);
    }

    public void progress(long generation, long events, long skipped, Instant now) {
        entities.createNativeQuery("UPDATE feed_rebuild SET heartbeat_at = :now, events = :events, skipped = :skipped"
                + " WHERE generation = :generation")
                .setParameter("now", Timestamp.from(now))
                .setParameter("events", events)
                .setParameter("skipped", skipped)
                .setParameter("generation", generation)
                .executeUpdate();
    }

    /** Marks the rebuild done and removes every row no replayed or newer event wrote: nothing accounts for it. */
    public int finish(long generation, long events, long skipped, Instant now) {
        int swept = entities.createNativeQuery("DELETE FROM feed_article WHERE generation < :generation")
                .setParameter("generation", generation)
                .executeUpdate();
        swept += entities.createNativeQuery("DELETE FROM feed_media WHERE generation < :generation")
                .setParameter("generation", generation)
                .executeUpdate();
        entities.createNativeQuery("UPDATE feed_rebuild SET status = 'DONE', heartbeat_at = :now, finished_at = :now,"
                + " events = :events, skipped = :skipped WHERE generation = :generation")
                .setParameter("now", Timestamp.from(now))
                .setParameter("events", events)
                .setParameter("skipped", skipped)
                .setParameter("generation", generation)
                .executeUpdate();
        return swept;
    }

    public void fail(long generation, String error, Instant now) {
        entities.createNativeQuery("UPDATE feed_rebuild SET status = 'FAILED', finished_at = :now, error = :error"
                + " WHERE generation = :generation")
                .setParameter("now", Timestamp.from(now))
                .setParameter("error", error)
                .setParameter("generation", generation)
                .executeUpdate();
    }

    public Optional<Rebuild> find(long generation) {
        return first(entities.createNativeQuery(SELECT + " WHERE generation = :generation")
                .setParameter("generation", generation)
                .getResultList());
    }

    public Optional<Rebuild> latest() {
        return first(entities.createNativeQuery(SELECT + " ORDER BY generation DESC LIMIT 1").getResultList());
    }

    private static Optional<Rebuild> first(List<?> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new Rebuild(((Number) row[0]).longValue(), (String) row[1], instant(row[2]),
                instant(row[3]), instant(row[4]), ((Number) row[5]).longValue(), ((Number) row[6]).longValue(),
                (String) row[7]));
    }

    private static Instant instant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
