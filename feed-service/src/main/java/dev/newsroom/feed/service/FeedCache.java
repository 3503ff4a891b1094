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
 * Rendered feeds kept in memory until the read model changes, so a feed reader's poll costs a map look-up.
 * Concurrent requests for a feed that is not rendered share one render; a render that raced with a change is
 * served to the requests that started before the change, but never cached. A change makes the rendered feeds stale
 * rather than forgetting them: while the database is away, the last good rendering is what readers get
 * (stale-if-error), never an error.
 */
@ApplicationScoped
public class FeedCache {

    /** Identifies one page of one feed in one format. */
    public record Key(FeedScope scope, FeedFormat format, int page) {
    }

    private record Render(long generation, CompletableFuture<RenderedFeed> result) {
    }

    private record Rendered(long generation, RenderedFeed feed) {
    }

    private final Map<Key, Rendered> rendered = new ConcurrentHashMap<>();
    private final Map<Key, Render> rendering = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The cached feed if it is still fresh, without rendering; null otherwise. */
    public RenderedFeed fresh(Key key) {
        Rendered cached = rendered.get(key);
        return cached != null && cached.generation() == generation.get()
                && cached.feed().fresh(System.currentTimeMillis()) ? cached.feed() : null;
    }

    /** The last rendering of this feed, however old; null if it was never rendered. */
    public RenderedFeed lastGood(Key key) {
        Rendered cached = rendered.get(key);
        return cached == null ? null : cached.feed();
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
                rendered.put(key, new Rendered(current, fresh));
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
    }
}
