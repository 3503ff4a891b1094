package dev.newsroom.desk.story;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dev.newsroom.events.ArticleSnapshot.Author;
import dev.newsroom.events.ArticleSnapshot.LeadImage;
import dev.newsroom.events.ArticleSnapshot.RelatedLink;

/** A story as article-service returns it (only what the desk shows), with the contract's by-line, photo, link. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Story(String id, String slug, String status, String headline, String summary, String body,
        String section, List<String> tags, List<Author> authors, LeadImage leadImage, List<RelatedLink> related,
        long version, int revision, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        Instant publishedAt, Instant firstPublishedAt, Instant scheduledAt, Instant embargoUntil, String correction,
        String unpublishReason, String lastSavedBy) {

    public static Story blank() {
        return new Story(null, null, "DRAFT", "", "", "", "", List.of(), List.of(), null, List.of(), 0, 0, null, null,
                null, null, null, null, null, null, null, null, null);
    }

    public String tagsText() {
        return tags == null ? "" : String.join(", ", tags);
    }

    public String authorsText() {
        return authors == null ? "" : authors.stream().map(Author::name).collect(Collectors.joining(", "));
    }

    public String relatedText() {
        return related == null ? "" : related.stream()
                .map(link -> (link.title() == null || link.title().isBlank() ? "" : link.title() + " | ") + link.url())
                .collect(Collectors.joining("\n"));
    }

    /** Who saved last: article-service's "last saved by" where it has one, else the updater. */
    public String savedBy() {
        return lastSavedBy != null ? lastSavedBy : updatedBy != null ? updatedBy : createdBy;
    }

    public String statusName() {
        return status == null ? "draft" : status.toLowerCase();
    }

    public boolean live() {
        return "PUBLISHED".equals(status);
    }

    public boolean scheduled() {
        return "SCHEDULED".equals(status);
    }

    public boolean draft() {
        return "DRAFT".equals(status);
    }

    public boolean unpublished() {
        return "UNPUBLISHED".equals(status);
    }
}
