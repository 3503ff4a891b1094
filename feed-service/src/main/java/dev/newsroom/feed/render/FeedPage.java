package dev.newsroom.feed.render;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * One page of one feed in one format: self, first, next and previous are that format's absolute URLs
 * (RFC 5005 paging); hub (WebSub), icon (the newsroom's square icon), next, previous, description and language may
 * be null.
 * updated is when what the page shows last changed: a null one falls back to the newest item's update or tombstone,
 * and stays null when the page shows nothing. built, when the page was built, stands in for it where a format
 * requires a date (Atom), so an empty feed never claims 1970 and rendering never reads the clock.
 */
public record FeedPage(String id, String title, String description, String language, URI self, URI alternate,
        URI first, URI next, URI previous, URI hub, URI icon, Instant updated, Instant built, List<FeedItem> items,
        List<DeletedEntry> deleted) {

    public FeedPage {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(self, "self");
        Objects.requireNonNull(alternate, "alternate");
        Objects.requireNonNull(built, "built");
        items = ItemText.withoutNulls(items);
        deleted = ItemText.withoutNulls(deleted);
        if (updated == null) {
            updated = Stream.concat(items.stream().map(FeedItem::updated), deleted.stream().map(DeletedEntry::when))
                    .filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        }
    }

    /** When the page last changed, or when it was built if it shows nothing that has a time. */
    public Instant updatedOrBuilt() {
        return updated != null ? updated : built;
    }
}
