package dev.newsroom.feed.repository;

import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.hibernate.Session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.feed.FeedScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The read model in PostgreSQL. Writes are batched upserts guarded by revision, so a duplicate or an older
 * event changes nothing however often it arrives and in whatever order.
 */
@ApplicationScoped
public class ReadModelRepository {

    private final EntityManager entities;
    private final ObjectMapper json;

    public ReadModelRepository(EntityManager entities, ObjectMapper json) {
        this.entities = entities;
        this.json = json;
    }

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

    /** Upserts the rows in one JDBC batch, in order; element i is true when row i changed the read model. */
    public boolean[] upsertArticles(List<ArticleRow> rows, WriteMode mode) {
        if (rows.isEmpty()) {
            return new boolean[0];
        }
        String sql = mode.isRebuild() ? ARTICLE_UPSERT.formatted("?", REBUILDING)
                : ARTICLE_UPSERT.formatted(CURRENT_GENERATION, NEWER);
        return session().doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                for (ArticleRow row : rows) {
                    upsert.setObject(1, row.id());
                    upsert.setLong(2, row.revision());
                    upsert.setString(3, row.slug());
                    upsert.setString(4, row.status());
                    upsert.setString(5, row.section());
                    upsert.setArray(6, connection.createArrayOf("text",
                            row.tags() == null ? new String[0] : row.tags().toArray(String[]::new)));
                    upsert.setObject(7, row.leadMediaId());
                    upsert.setObject(8, offset(row.visibleFrom()));
                    upsert.setObject(9, offset(row.heldUntil()));
                    upsert.setObject(10, offset(row.publishedAt()));
                    upsert.setObject(11, offset(row.updatedAt()));
                    upsert.setObject(12, offset(row.removedAt()));
                    upsert.setString(13, row.snapshotJson());
                    if (mode.isRebuild()) {
                        upsert.setLong(14, mode.rebuildGeneration());
                    }
                    upsert.addBatch();
                }
                return changed(upsert.executeBatch());
            }
        });
    }

    /** Upserts the assets in one JDBC batch, in order; element i is true when row i changed the read model. */
    public boolean[] upsertMedia(List<MediaRow> rows, WriteMode mode) {
        if (rows.isEmpty()) {
            return new boolean[0];
        }
        String sql = mode.isRebuild() ? MEDIA_UPSERT.formatted("?", REBUILDING)
                : MEDIA_UPSERT.formatted(CURRENT_GENERATION, NEWER);
        return session().doReturningWork(connection -> {
            try (PreparedStatement upsert = connection.prepareStatement(sql)) {
                for (MediaRow row : rows) {
                    upsert.setObject(1, row.id());
                    upsert.setLong(2, row.revision());
                    upsert.setBoolean(3, row.deleted());
                    upsert.setString(4, row.snapshotJson());
                    if (mode.isRebuild()) {
                        upsert.setLong(5, mode.rebuildGeneration());
                    }
                    upsert.addBatch();
                }
                return changed(upsert.executeBatch());
            }
        });
    }

    /** Section and tags of the stored articles with these ids: the feeds an article leaves when it moves. */
    public List<Placement> placements(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return placements(entities.createNativeQuery(
                "SELECT id, section, cast(tags AS text[]) FROM feed_article"
                        + " WHERE id IN (:ids) AND status = 'PUBLISHED'")
                .setParameter("ids", articleIds));
    }

    /** Section and tags of the published articles whose lead image is one of these assets. */
    public List<Placement> placementsUsingMedia(Collection<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return List.of();
        }
        return placements(entities.createNativeQuery("SELECT id, section, cast(tags AS text[]) FROM feed_article"
                + " WHERE lead_media_id IN (:ids) AND status = 'PUBLISHED'")
                .setParameter("ids", mediaIds));
    }

    /** Section and tags of the articles whose embargo or schedule ended in (from, to]. */
    public List<Placement> placementsBecomingVisible(Instant from, Instant to) {
        return placements(entities.createNativeQuery("SELECT id, section, cast(tags AS text[]) FROM feed_article"
                + " WHERE status = 'PUBLISHED' AND held_until > :from AND held_until <= :to")
                .setParameter("from", timestamp(from))
                .setParameter("to", timestamp(to)));
    }

    /** Where an article is listed: its section feed and its tag feeds. */
    public record Placement(UUID id, String section, List<String> tags) {
    }

    /** Sends a change notice to every replica's listener; PostgreSQL delivers it when this transaction commits. */
    public void notifyReplicas(String channel, String payload) {
        entities.createNativeQuery("SELECT pg_notify(:channel, :payload)")
                .setParameter("channel", channel)
                .setParameter("payload", payload)
                .getSingleResult();
    }

    /**
     * Claims the interval the embargo clock has not looked at yet, up to {@code now}; empty when another replica
     * holds it or it was looked at already. The row lock makes one replica the one that reports each interval.
     */
    public Optional<Instant> claimClockInterval(Instant now) {
        List<?> rows = entities.createNativeQuery("SELECT clock_checked_until FROM feed_state WHERE id = 1"
                + " AND clock_checked_until < :now FOR UPDATE SKIP LOCKED")
                .setParameter("now", timestamp(now))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        entities.createNativeQuery("UPDATE feed_state SET clock_checked_until = :now WHERE id = 1")
                .setParameter("now", timestamp(now))
                .executeUpdate();
        return Optional.of(instant(rows.get(0)));
    }

    /** One page of visible articles of a scope, newest first; asks for one more to know whether a next page exists. */
    public List<StoredArticle> visibleArticles(FeedScope scope, Instant now, int offset, int limit) {
        Query query = entities.createNativeQuery("SELECT status, visible_from, cast(snapshot AS text) FROM feed_article"
                + " WHERE status = 'PUBLISHED' AND visible_from <= :now" + filter(scope)
                + " ORDER BY published_at DESC, id DESC OFFSET :offset LIMIT :limit")
                .setParameter("now", timestamp(now))
                .setParameter("offset", offset)
                .setParameter("limit", limit);
        if (scope.value() != null) {
            query.setParameter("value", scope.value());
        }
        return stored(query.getResultList());
    }

    /**
     * Whether a section or tag has ever been shown to readers: it has a visible article or one taken down after
     * publication. A section or tag only an embargoed story carries is not revealed before the story is.
     */
    public boolean everShown(FeedScope scope, Instant now) {
        Query query = entities.createNativeQuery("SELECT EXISTS (SELECT 1 FROM feed_article"
                + " WHERE ((status = 'PUBLISHED' AND visible_from <= :now)"
                + " OR (status = 'UNPUBLISHED' AND published_at IS NOT NULL))" + filter(scope) + ")")
                .setParameter("now", timestamp(now));
        if (scope.value() != null) {
            query.setParameter("value", scope.value());
        }
        return Boolean.TRUE.equals(query.getSingleResult());
    }

    /** Articles taken down since {@code since}, for RFC 6721 tombstones. */
    public List<ArticleSnapshot> removedArticles(FeedScope scope, Instant since) {
        Query query = entities.createNativeQuery("SELECT cast(snapshot AS text) FROM feed_article"
                + " WHERE status = 'UNPUBLISHED' AND published_at IS NOT NULL AND removed_at >= :since" + filter(scope)
                + " ORDER BY removed_at DESC, id DESC LIMIT 100")
                .setParameter("since", timestamp(since));
        if (scope.value() != null) {
            query.setParameter("value", scope.value());
        }
        return read(query.getResultList(), ArticleSnapshot.class);
    }

    /** The earliest time after {@code now} at which a held-back article becomes visible, if any. */
    public Optional<Instant> nextVisibleAfter(Instant now) {
        Object next = entities.createNativeQuery(
                "SELECT min(held_until) FROM feed_article WHERE status = 'PUBLISHED' AND held_until > :now")
                .setParameter("now", timestamp(now))
                .getSingleResult();
        return Optional.ofNullable(next).map(ReadModelRepository::instant);
    }

    /** When the latest article of a scope was taken down, for Last-Modified: a feed changes when an item leaves it. */
    public Optional<Instant> lastRemoval(FeedScope scope) {
        Query query = entities.createNativeQuery("SELECT max(removed_at) FROM feed_article"
                + " WHERE status = 'UNPUBLISHED' AND published_at IS NOT NULL" + filter(scope));
        if (scope.value() != null) {
            query.setParameter("value", scope.value());
        }
        return Optional.ofNullable(query.getSingleResult()).map(ReadModelRepository::instant);
    }

    /**
     * The sections that have a visible article, in order. A loose index scan (one index probe per section) over the
     * section index, so it costs the same with a hundred stories as with a hundred thousand.
     */
    public List<String> visibleSections(Instant now) {
        List<?> rows = entities.createNativeQuery("""
                WITH RECURSIVE found(section) AS (
                    (SELECT section FROM feed_article WHERE status = 'PUBLISHED' AND visible_from <= :now
                     ORDER BY section LIMIT 1)
                    UNION ALL
                    SELECT (SELECT a.section FROM feed_article a WHERE a.status = 'PUBLISHED'
                            AND a.visible_from <= :now AND a.section > found.section ORDER BY a.section LIMIT 1)
                    FROM found WHERE found.section IS NOT NULL)
                SELECT section FROM found WHERE section IS NOT NULL""")
                .setParameter("now", timestamp(now))
                .getResultList();
        return rows.stream().map(String.class::cast).toList();
    }

    /** A month of visible stories, for the sitemap index: "2025-03", how many, and the latest change among them. */
    public record SitemapMonth(String month, long stories, Instant lastModified) {
    }

    public List<SitemapMonth> sitemapMonths(Instant now) {
        List<?> rows = entities.createNativeQuery("SELECT to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM'),"
                + " count(*), max(greatest(updated_at, visible_from)) FROM feed_article"
                + " WHERE status = 'PUBLISHED' AND visible_from <= :now AND published_at IS NOT NULL"
                + " GROUP BY 1 ORDER BY 1 DESC")
                .setParameter("now", timestamp(now))
                .getResultList();
        List<SitemapMonth> months = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            months.add(new SitemapMonth((String) columns[0], ((Number) columns[1]).longValue(), instant(columns[2])));
        }
        return months;
    }

    /** One visible story as a sitemap lists it. */
    public record SitemapStory(String slug, Instant published, Instant lastModified, String headline,
            String language) {
    }

    /** Visible stories published in [from, to), oldest first, one page of them. */
    public List<SitemapStory> sitemapStories(Instant from, Instant to, Instant now, int offset, int limit) {
        return sitemapStories(entities.createNativeQuery("SELECT slug, published_at,"
                + " greatest(updated_at, visible_from), NULL, NULL FROM feed_article"
                + " WHERE status = 'PUBLISHED' AND visible_from <= :now"
                + " AND published_at >= :from AND published_at < :to"
                + " ORDER BY published_at, id OFFSET :offset LIMIT :limit")
                .setParameter("now", timestamp(now))
                .setParameter("from", timestamp(from))
                .setParameter("to", timestamp(to))
                .setParameter("offset", offset)
                .setParameter("limit", limit));
    }

    /** Visible stories published since since, newest first, with headline and language: the news sitemap. */
    public List<SitemapStory> newsStories(Instant since, Instant now, int limit) {
        return sitemapStories(entities.createNativeQuery("SELECT slug, published_at,"
                + " greatest(updated_at, visible_from), snapshot->>'headline', snapshot->>'language' FROM feed_article"
                + " WHERE status = 'PUBLISHED' AND visible_from <= :now AND published_at >= :since"
                + " ORDER BY published_at DESC, id DESC LIMIT :limit")
                .setParameter("now", timestamp(now))
                .setParameter("since", timestamp(since))
                .setParameter("limit", limit));
    }

    private static List<SitemapStory> sitemapStories(Query query) {
        List<?> rows = query.getResultList();
        List<SitemapStory> stories = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            stories.add(new SitemapStory((String) columns[0], instant(columns[1]), instant(columns[2]),
                    (String) columns[3], (String) columns[4]));
        }
        return stories;
    }

    public Optional<StoredArticle> bySlug(String slug) {
        List<?> rows = entities.createNativeQuery("SELECT status, visible_from, cast(snapshot AS text)"
                + " FROM feed_article WHERE slug = :slug ORDER BY (status = 'PUBLISHED') DESC, updated_at DESC LIMIT 1")
                .setParameter("slug", slug)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(stored(rows).get(0));
    }

    public Map<UUID, MediaAssetSnapshot> media(Collection<UUID> ids) {
        Map<UUID, MediaAssetSnapshot> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        List<?> rows = entities.createNativeQuery(
                "SELECT cast(snapshot AS text) FROM feed_media WHERE id IN (:ids) AND NOT deleted")
                .setParameter("ids", ids)
                .getResultList();
        for (MediaAssetSnapshot asset : read(rows, MediaAssetSnapshot.class)) {
            found.put(asset.id(), asset);
        }
        return found;
    }

    /** An article row with what the feeds need to decide whether to show it. */
    public record StoredArticle(String status, Instant visibleFrom, ArticleSnapshot snapshot) {
    }

    private List<StoredArticle> stored(List<?> rows) {
        List<StoredArticle> stored = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            stored.add(new StoredArticle((String) columns[0], columns[1] == null ? null : instant(columns[1]),
                    read((String) columns[2], ArticleSnapshot.class)));
        }
        return stored;
    }

    private List<Placement> placements(Query query) {
        List<Placement> placements = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            placements.add(new Placement((UUID) columns[0], (String) columns[1], textList(columns[2])));
        }
        return placements;
    }

    private static List<String> textList(Object array) {
        if (array instanceof String[] values) {
            return List.of(values);
        }
        if (array instanceof Object[] values) {
            return java.util.Arrays.stream(values).map(String::valueOf).toList();
        }
        return List.of();
    }

    private static String filter(FeedScope scope) {
        return switch (scope.kind()) {
            case ALL -> "";
            case SECTION -> " AND section = :value";
            case TAG -> " AND :value = ANY(tags)";
        };
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

    private <T> List<T> read(List<?> rows, Class<T> type) {
        return rows.stream().map(row -> read((String) row, type)).toList();
    }

    private <T> T read(String row, Class<T> type) {
        try {
            return json.readValue(row, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model row is not valid " + type.getSimpleName(), e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
