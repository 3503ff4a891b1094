package dev.newsroom.feed.render;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/** An entry that left the feed (RFC 6721 tombstone, written in Atom only); link may be null. */
public record DeletedEntry(String id, Instant when, URI link) {

    public DeletedEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(when, "when");
    }
}
