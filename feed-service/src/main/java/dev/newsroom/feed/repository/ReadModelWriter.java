package dev.newsroom.feed.repository;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

/**
 * Every write to the read model: batched upserts guarded by revision, so a duplicate or an older event changes nothing
 * however often it arrives and in whatever order, and the notice that tells every replica what changed.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class ReadModelWriter {

    private static final String ARTICLE_UPSERT = """
            INSERT INTO feed_article AS old (id, revision, slug, status, section, tags, lead_media_id, visible_from,
                                             held_until, published_at, updated_at, removed_at, snapshot, generation)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? AS jsonb), %s)
            ON CONFLICT (id) DO UPDATE SET
                revision = excluded.revision, slug = excluded.slug, status = excluded.status,
                section = excluded.section, tags = excluded.tags, lead_media_id = excluded.lead_media_id,
                visible_from = excluded.visible_from, held_until = excluded.held_until,
                published_at = excluded.published_at,
                updated_at = excluded.updated_at, removed_at = excluded.removed_at, snapshot = excluded.snapshot,
                generation = excluded.generation
            WHERE %s
            """;
    private static final String MEDIA_UPSERT = """
            INSERT INTO feed_media AS old (id, revision, deleted, snapshot, generation)
            VALUES (?, ?, ?, cast(? AS jsonb), %s)
            ON CONFLICT (id) DO UPDATE SET
                revision = excluded.revision, deleted = excluded.deleted, snapshot = excluded.snapshot,
                generation = excluded.generation
            WHERE %s
            """;
    /** Live writes carry the generation of a rebuild that may be running, so it never overwrites them. */
    private static final String CURRENT_GENERATION = "(SELECT generation FROM feed_state WHERE id = 1)";
    private static final String NEWER = "old.revision < excluded.revision";
    private static final String REBUILDING =
            "old.generation < excluded.generation OR old.revision <= excluded.revision";

    private final EntityManager entities;

    /** Upserts the rows in one JDBC batch, in order; element i is true when row i changed the read model. */
    public boolean[] upsertArticles(List<ArticleRow> rows, WriteMode mode) {
        return upsert(ARTICLE_UPSERT, rows, mode, (upsert, row) -> {
            upsert.setString(3, row.slug());
            upsert.setString(4, row.status());
            upsert.setString(5, row.section());
            upsert.setArray(6, upsert.getConnection().createArrayOf("text",
                    row.tags() == null ? new String[0] : row.tags().toArray(String[]::new)));
            upsert.setObject(7, row.leadMediaId());
            upsert.setObject(8, offset(row.visibleFrom()));
            upsert.setObject(9, offset(row.heldUntil()));
            upsert.setObject(10, offset(row.publishedAt()));
            upsert.setObject(11, offset(row.updatedAt()));
            upsert.setObject(12, offset(row.removedAt()));
            return 13;
        });
    }

    /** Upserts the assets in one JDBC batch, in order; element i is true when row i changed the read model. */
    public boolean[] upsertMedia(List<MediaRow> rows, WriteMode mode) {
        return upsert(MEDIA_UPSERT, rows, mode, (upsert, row) -> {
            upsert.setBoolean(3, row.deleted());
            return 4;
        });
    }

    /** Sets a row's own columns, from the third, and answers the index of the snapshot parameter that follows. */
    private interface OwnColumns<R> {
        int set(PreparedStatement upsert, R row) throws SQLException;
    }

    /** An upsert binds id, revision, the row's own columns, the snapshot and, in a rebuild, the generation. */
    private <R extends ReadModelRow> boolean[] upsert(String template, List<R> rows, WriteMode mode,
            OwnColumns<R> ownColumns) {
        if (rows.isEmpty()) {
            return new boolean[0];
        }
        String sql = mode.isRebuild() ? template.formatted("?", REBUILDING)
                : template.formatted(CURRENT_GENERATION, NEWER);
        return session().doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                for (R row : rows) {
                    upsert.setObject(1, row.id());
                    upsert.setLong(2, row.revision());
                    int snapshot = ownColumns.set(upsert, row);
                    upsert.setString(snapshot, row.snapshotJson());
                    if (mode.isRebuild()) {
                        upsert.setLong(snapshot + 1, mode.rebuildGeneration());
                    }
                    upsert.addBatch();
                }
                return changed(upsert.executeBatch());
            }
        });
    }

    /** Sends a change notice to every replica's listener; PostgreSQL delivers it when this transaction commits. */
    public void notifyReplicas(String channel, String payload) {
        entities.createNativeQuery("SELECT pg_notify(:channel, :payload)")
                .setParameter("channel", channel)
                .setParameter("payload", payload)
                .getSingleResult();
    }

    private Session session() {
        return entities.unwrap(Session.class);
    }

    private static boolean[] changed(int[] counts) {
        boolean[] changed = new boolean[counts.length];
        for (int i = 0; i < counts.length; i++) {
            changed[i] = counts[i] > 0;
        }
        return changed;
    }

    private static OffsetDateTime offset(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
