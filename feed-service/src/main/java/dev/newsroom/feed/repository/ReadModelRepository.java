package dev.newsroom.feed.repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.feed.FeedScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * The read model in PostgreSQL. Writes are upserts guarded by revision, so a duplicate or an older
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

    /** Stores the article unless a newer or equal revision is there; true when something changed. */
    public boolean upsertArticle(ArticleSnapshot article, Instant visibleFrom, Instant removedAt) {
        int changed = entities.createNativeQuery("""
                INSERT INTO feed_article (id, revision, slug, status, section, tags, lead_media_id, visible_from,
                                          published_at, updated_at, removed_at, snapshot)
                VALUES (:id, :revision, :slug, :status, :section, cast(:tags AS text[]), :media, :visibleFrom,
                        :publishedAt, :updatedAt, :removedAt, cast(:snapshot AS jsonb))
                ON CONFLICT (id) DO UPDATE SET
                    revision = excluded.revision, slug = excluded.slug, status = excluded.status,
                    section = excluded.section, tags = excluded.tags, lead_media_id = excluded.lead_media_id,
                    visible_from = excluded.visible_from, published_at = excluded.published_at,
                    updated_at = excluded.updated_at, removed_at = excluded.removed_at, snapshot = excluded.snapshot
                WHERE feed_article.revision < excluded.revision
                """)
                .setParameter("id", article.id())
                .setParameter("revision", article.revision())
                .setParameter("slug", article.slug())
                .setParameter("status", article.status())
                .setParameter("section", article.section())
                .setParameter("tags", textArray(article.tags()))
                .setParameter("media", article.leadImage() == null ? null : article.leadImage().mediaId())
                .setParameter("visibleFrom", timestamp(visibleFrom))
                .setParameter("publishedAt", timestamp(article.firstPublishedAt()))
                .setParameter("updatedAt", timestamp(article.updatedAt()))
                .setParameter("removedAt", timestamp(removedAt))
                .setParameter("snapshot", write(article))
                .executeUpdate();
        return changed > 0;
    }

    /** Stores the asset unless a newer or equal revision is there; true when something changed. */
    public boolean upsertMedia(MediaAssetSnapshot asset) {
        int changed = entities.createNativeQuery("""
                INSERT INTO feed_media (id, revision, deleted, snapshot)
                VALUES (:id, :revision, :deleted, cast(:snapshot AS jsonb))
                ON CONFLICT (id) DO UPDATE SET
                    revision = excluded.revision, deleted = excluded.deleted, snapshot = excluded.snapshot
                WHERE feed_media.revision < excluded.revision
                """)
                .setParameter("id", asset.id())
                .setParameter("revision", asset.revision())
                .setParameter("deleted", asset.deleted())
                .setParameter("snapshot", write(asset))
                .executeUpdate();
        return changed > 0;
    }

    /** One page of visible articles of a scope, newest first; asks for one more to know whether a next page exists. */
    public List<ArticleSnapshot> visibleArticles(FeedScope scope, Instant now, int offset, int limit) {
        String filter = switch (scope.kind()) {
            case ALL -> "";
            case SECTION -> " AND section = :value";
            case TAG -> " AND :value = ANY(tags)";
        };
        Query query = entities.createNativeQuery("SELECT cast(snapshot AS text) FROM feed_article"
                + " WHERE status = 'PUBLISHED' AND visible_from <= :now" + filter
                + " ORDER BY published_at DESC, id DESC OFFSET :offset LIMIT :limit")
                .setParameter("now", timestamp(now))
                .setParameter("offset", offset)
                .setParameter("limit", limit);
        if (scope.value() != null) {
            query.setParameter("value", scope.value());
        }
        return read(query.getResultList(), ArticleSnapshot.class);
    }

    /** Articles taken down since {@code since}, for RFC 6721 tombstones. */
    public List<ArticleSnapshot> removedArticles(FeedScope scope, Instant since) {
        String filter = switch (scope.kind()) {
            case ALL -> "";
            case SECTION -> " AND section = :value";
            case TAG -> " AND :value = ANY(tags)";
        };
        Query query = entities.createNativeQuery("SELECT cast(snapshot AS text) FROM feed_article"
                + " WHERE status = 'UNPUBLISHED' AND published_at IS NOT NULL AND removed_at >= :since" + filter
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
                "SELECT min(visible_from) FROM feed_article WHERE status = 'PUBLISHED' AND visible_from > :now")
                .setParameter("now", timestamp(now))
                .getSingleResult();
        return Optional.ofNullable(next).map(ReadModelRepository::instant);
    }

    public Optional<StoredArticle> bySlug(String slug) {
        List<?> rows = entities.createNativeQuery("SELECT status, visible_from, cast(snapshot AS text) FROM feed_article WHERE slug = :slug "
                + "ORDER BY (status = 'PUBLISHED') DESC, updated_at DESC LIMIT 1")
                .setParameter("slug", slug)
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        Object[] row = (Object[]) rows.get(0);
        return Optional.of(new StoredArticle((String) row[0], row[1] == null ? null : instant(row[1]),
                read((String) row[2], ArticleSnapshot.class)));
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

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot store " + value.getClass().getSimpleName(), e);
        }
    }

    private static String textArray(List<String> values) {
        StringBuilder array = new StringBuilder("{");
        for (int i = 0; values != null && i < values.size(); i++) {
            if (i > 0) {
                array.append(',');
            }
            array.append('"').append(values.get(i).replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return array.append('}').toString();
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
