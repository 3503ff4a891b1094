package dev.newsroom.feed.service;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.newsroom.feed.FeedScope;

/**
 * What one transaction did to the read model: how many rows changed, which feeds may read differently now
 * (for WebSub), and the times of the events readers can see at once (for the publish-to-visible latency).
 */
public record AppliedChanges(int changed, Set<FeedScope> scopes, List<Instant> visibleEventTimes) {

    public static final AppliedChanges NONE = new AppliedChanges(0, Set.of(), List.of());

    public boolean any() {
        return changed > 0;
    }
}
