package dev.newsroom.feed.repository;

import static dev.newsroom.feed.repository.SqlValues.instant;
import static dev.newsroom.feed.repository.SqlValues.timestamp;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.repository.ParsedSnapshots.RowVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import lombok.RequiredArgsConstructor;

/**
 * What readers may see, as the feeds and the site read it: visible articles of a scope, those taken down, when the
 * next held-back one appears, an article by its slug, and the assets articles show.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class VisibleArticles {

    private final EntityManager entities;
    private final ParsedSnapshots snapshots;

    /** One page of visible articles of a scope, newest first; asks for one more to know whether a next page exists. */
    public List<StoredArticle> page(FeedScope scope, Instant now, int offset, int limit) {
        Query query = entities.createNativeQuery("SELECT id, revision, generation, status, visible_from"
                + " FROM feed_article WHERE status = 'PUBLISHED' AND visible_from <= :now" + filter(scope)
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

    /**
     * Until when what is visible at {@code now} stays so by itself: the next end of an embargo or schedule, or
     * {@code now + maxAge} when that comes first.
     */
    public Instant unchangedUntil(Instant now, Duration maxAge) {
        Object next = entities.createNativeQuery(
                "SELECT min(held_until) FROM feed_article WHERE status = 'PUBLISHED' AND held_until > :now")
                .setParameter("now", timestamp(now))
                .getSingleResult();
        Instant latest = now.plus(maxAge);
        return Optional.ofNullable(next).map(SqlValues::instant).filter(held -> held.isBefore(latest)).orElse(latest);
    }

    /** When the latest article of a scope was taken down, for Last-Modified: a feed changes when an item leaves it. */
    public Optional<Instant> lastRemoval(FeedScope scope) {
        Query query = entities.createNativeQuery("SELECT max(removed_at) FROM feed_article"
                + " WHERE status = 'UNPUBLISHED' AND published_at IS NOT NULL" + filter(scope));
        if (scope.value() != null) {
            query.setParameter("value", scope.value());
        }
        return Optional.ofNullable(query.getSingleResult()).map(SqlValues::instant);
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

    public Optional<StoredArticle> bySlug(String slug) {
        List<?> rows = entities.createNativeQuery("SELECT id, revision, generation, status, visible_from"
                + " FROM feed_article WHERE slug = :slug ORDER BY (status = 'PUBLISHED') DESC, updated_at DESC LIMIT 1")
                .setParameter("slug", slug)
                .getResultList();
        return stored(rows).stream().findFirst();
    }

    /** The assets of the articles' lead images, by id; deleted ones are left out. */
    public Map<UUID, MediaAssetSnapshot> leadImages(Collection<ArticleSnapshot> articles) {
        List<UUID> ids = articles.stream().map(ArticleSnapshot::leadImage).filter(Objects::nonNull)
                .map(ArticleSnapshot.LeadImage::mediaId).filter(Objects::nonNull).distinct().toList();
        if (ids.isEmpty()) {
            return new HashMap<>();
        }
        List<?> rows = entities.createNativeQuery(
                "SELECT id, revision, generation FROM feed_media WHERE id IN (:ids) AND NOT deleted")
                .setParameter("ids", ids)
                .getResultList();
        return snapshots("feed_media", versions(rows), MediaAssetSnapshot.class);
    }

    /**
     * The snapshots of rows at the versions given, by id: those parsed before from memory, the others read in one
     * query. A row changed between the two reads comes at its newer version, as the next render would show it.
     */
    private <T> Map<UUID, T> snapshots(String table, List<RowVersion> versions, Class<T> type) {
        Map<UUID, T> found = new HashMap<>();
        List<UUID> unknown = new ArrayList<>();
        for (RowVersion version : versions) {
            T known = snapshots.known(version, type);
            if (known != null) {
                found.put(version.id(), known);
            } else {
                unknown.add(version.id());
            }
        }
        if (unknown.isEmpty()) {
            return found;
        }
        List<?> rows = entities.createNativeQuery("SELECT id, revision, generation, cast(snapshot AS text) FROM "
                + table + " WHERE id IN (:ids)")
                .setParameter("ids", unknown)
                .getResultList();
        for (Object row : rows) {
            RowVersion version = version((Object[]) row);
            found.put(version.id(), snapshots.read(version, (String) ((Object[]) row)[3], type));
        }
        return found;
    }

    /** Rows that start with id, revision and generation. */
    private static List<RowVersion> versions(List<?> rows) {
        return rows.stream().map(row -> version((Object[]) row)).toList();
    }

    private static RowVersion version(Object[] columns) {
        return new RowVersion((UUID) columns[0], ((Number) columns[1]).longValue(), ((Number) columns[2]).longValue());
    }

    /** An article row with what the feeds need to decide whether to show it. */
    public record StoredArticle(String status, Instant visibleFrom, ArticleSnapshot snapshot) {
    }

    /** Article rows of id, revision, generation, status and visible_from, with their snapshots. */
    private List<StoredArticle> stored(List<?> rows) {
        Map<UUID, ArticleSnapshot> articles = snapshots("feed_article", versions(rows), ArticleSnapshot.class);
        List<StoredArticle> stored = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            ArticleSnapshot article = articles.get((UUID) columns[0]);
            // a row deleted between the two reads is gone, as it is from the next render
            if (article != null) {
                stored.add(new StoredArticle((String) columns[3], columns[4] == null ? null : instant(columns[4]),
                        article));
            }
        }
        return stored;
    }

    private static String filter(FeedScope scope) {
        return switch (scope.kind()) {
            case ALL -> "";
            case SECTION -> " AND section = :value";
            case TAG -> " AND :value = ANY(tags)";
        };
    }

    private <T> List<T> read(List<?> rows, Class<T> type) {
        return rows.stream().map(row -> read((String) row, type)).toList();
    }

    private <T> T read(String row, Class<T> type) {
        return snapshots.read(row, type);
    }
}
