package dev.newsroom.feed.service;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Rendered feeds and pages kept in memory until the read model changes, so a feed reader's poll or a reader's
 * visit costs a map look-up.
 * Concurrent requests for a feed that is not rendered share one render; a render that raced with a change is
 * served to the requests that started before the change, but never cached.
 */
@ApplicationScoped
public class FeedCache {

    /** Identifies one page of one document: its path (a feed's, a page's, a sitemap's) and page number. */
    public record Key(String path, int page) {

        public static Key feed(FeedScope scope, FeedFormat format, int page) {
            return new Key(scope.path() + format.fileName(), page);
        }
    }

    private record Render(long generation, CompletableFuture<RenderedFeed> result) {
    }

    private final Map<Key, RenderedFeed> rendered = new ConcurrentHashMap<>();
    private final Map<Key, Render> rendering = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The cached feed if it is still fresh, without rendering; null otherwise. */
    public RenderedFeed fresh(Key key) {
        RenderedFeed cached = rendered.get(key);
        return cached != null && cached.fresh(System.currentTimeMillis()) ? cached : null;
    }

    public RenderedFeed get(Key key, Supplier<RenderedFeed> render) {
        RenderedFeed cached = fresh(key);
        if (cached != null) {
            return cached;
        }
        long current = generation.get();
        Render mine = new Render(current, new CompletableFuture<>());
        Render running = rendering.compute(key, (k, other) -> other != null && other.generation() == current
                ? other : mine);
        if (running != mine) {
            try {
                return running.result().join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            RenderedFeed fresh = render.get();
            if (generation.get() == current) {
                rendered.put(key, fresh);
            }
            mine.result().complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        rendered.clear();
    }
}
