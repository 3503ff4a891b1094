package dev.newsroom.feed.render;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One page of one feed in one format: self, first, next and previous are that format's absolute URLs
 * (RFC 5005 paging); hub (WebSub), next, previous, description and language may be null.
 * A null updated falls back to the newest item's update, so rendering never reads the clock.
 */
public record FeedPage(String id, String title, String description, String language, URI self, URI alternate,
        URI first, URI next, URI previous, URI hub, Instant updated, List<FeedItem> items,
        List<DeletedEntry> deleted) {

    public FeedPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(alternate, "alternate");
        items = ItemText.withoutNulls(items);
        deleted = ItemText.withoutNulls(deleted);
        if (updated == null) {
            updated = items.stream().map(FeedItem::updated).max(Comparator.naturalOrder()).orElse(Instant.EPOCH);
        }
    }
}
