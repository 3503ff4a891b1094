package dev.newsroom.feed.service;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rendered feeds kept in memory until the read model changes, so a feed reader's poll costs a map
 * look-up. A render that raced with a change is served once but never cached.
 */
@ApplicationScoped
public class FeedCache {

    /** Identifies one page of one feed in one format. */
    public record Key(FeedScope scope, FeedFormat format, int page) {
    }

    private final Map<Key, RenderedFeed> rendered = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public RenderedFeed get(Key key, Supplier<RenderedFeed> render) {
        RenderedFeed cached = rendered.get(key);
        if (cached != null && cached.expires().isAfter(Instant.now())) {
            return cached;
        }
        long before = generation.get();
        RenderedFeed fresh = render.get();
        if (generation.get() == before) {
            rendered.put(key, fresh);
        }
        return fresh;
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        rendered.clear();
    }
}
