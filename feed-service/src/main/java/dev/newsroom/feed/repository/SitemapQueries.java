package dev.newsroom.feed.repository;

import static dev.newsroom.feed.repository.SqlValues.instant;
import static dev.newsroom.feed.repository.SqlValues.timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import lombok.RequiredArgsConstructor;

/** What the sitemaps list: the months that have visible stories, and the stories of a month or of the last days. */
@RequiredArgsConstructor
@ApplicationScoped
public class SitemapQueries {

    private final EntityManager entities;

    /** A month of visible stories, for the sitemap index: "2025-03", how many, and the latest change among them. */
    public record SitemapMonth(String month, long stories, Instant lastModified) {
    }

    public List<SitemapMonth> months(Instant now) {
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
    public List<SitemapStory> stories(Instant from, Instant to, Instant now, int offset, int limit) {
        return read(entities.createNativeQuery("SELECT slug, published_at,"
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
        return read(entities.createNativeQuery("SELECT slug, published_at,"
                + " greatest(updated_at, visible_from), snapshot->>'headline', snapshot->>'language' FROM feed_article"
                + " WHERE status = 'PUBLISHED' AND visible_from <= :now AND published_at >= :since"
                + " ORDER BY published_at DESC, id DESC LIMIT :limit")
                .setParameter("now", timestamp(now))
                .setParameter("since", timestamp(since))
                .setParameter("limit", limit));
    }

    private static List<SitemapStory> read(Query query) {
        List<?> rows = query.getResultList();
        List<SitemapStory> stories = new ArrayList<>(rows.size());
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            stories.add(new SitemapStory((String) columns[0], instant(columns[1]), instant(columns[2]),
                    (String) columns[3], (String) columns[4]));
        }
        return stories;
    }
}
