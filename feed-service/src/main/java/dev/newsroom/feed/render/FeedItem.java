package dev.newsroom.feed.render;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One entry of a feed. The id never changes across updates of the same article; image, correction,
 * summary, contentHtml, section and language may be null; published and updated stand in for each other.
 */
public record FeedItem(String id, URI link, String title, String summary, String contentHtml, Instant published,
        Instant updated, String section, List<String> tags, List<String> authors, FeedImage image, String correction,
        String language) {

    public FeedItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(title, "title");
        published = published == null ? Objects.requireNonNull(updated, "published or updated") : published;
        updated = updated == null ? published : updated;
        tags = ItemText.withoutNulls(tags);
        authors = ItemText.withoutNulls(authors);
    }
}
