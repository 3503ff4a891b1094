package dev.newsroom.desk.story;

import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A story as article-service returns it (only what the desk shows). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Story(String id, String slug, String status, String headline, String summary, String body,
        String section, List<String> tags, List<Author> authors, LeadImage leadImage, List<Link> related,
        long version, int revision, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy,
        Instant publishedAt, Instant firstPublishedAt, Instant scheduledAt, Instant embargoUntil, String correction,
        String unpublishReason, String lastSavedBy) {

    /** A by-line. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Author(String name) {
    }

    /** The lead photo reference with the story's own caption and credit. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadImage(String mediaId, String caption, String credit) {
    }

    /** A "Read also" link. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Link(String title, String url) {
    }

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
