package dev.newsroom.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The full state of an article as published, the data of every event on {@link Topics#ARTICLES}.
 * Carrying the whole state (never a diff) plus {@code revision} lets a consumer rebuild its view by
 * replay and drop duplicates and older revisions.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArticleSnapshot(
        UUID id,
        String slug,
        String status,
        String headline,
        String summary,
        String body,
        String section,
        List<String> tags,
        List<Author> authors,
        String language,
        LeadImage leadImage,
        List<RelatedLink> related,
        long revision,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant firstPublishedAt,
        Instant scheduledAt,
        Instant embargoUntil,
        String correction,
        String unpublishReason) implements AggregateSnapshot {

    /** A by-line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String name) {
    }

    /** The article's lead photo; caption and credit, when present, override the asset's own. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadImage(UUID mediaId, String caption, String credit) {
    }

    /** A "Read also" link. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record RelatedLink(String title, String url) {
    }
}
