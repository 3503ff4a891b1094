package dev.newsroom.feed.repository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One article as the read model stores it: the columns the feeds filter and sort on, and the snapshot as JSON.
 * visibleFrom is null for an article no feed shows; heldUntil is visibleFrom while that lay in the future when the
 * row was written (an embargo or a schedule), null otherwise; removedAt is set once it was taken down.
 */
public record ArticleRow(UUID id, long revision, String slug, String status, String section, List<String> tags,
        UUID leadMediaId, Instant visibleFrom, Instant heldUntil, Instant publishedAt, Instant updatedAt,
        Instant removedAt, String snapshotJson) implements ReadModelRow {
}
