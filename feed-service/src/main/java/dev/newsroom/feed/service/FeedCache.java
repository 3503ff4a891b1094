package dev.newsroom.feed.service;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.render.FeedFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Rendered feeds and pages kept in memory until the read model changes, so a feed reader's poll or a reader's
 * visit costs a map look-up.
 * A document is rendered by one request at a time. Concurrent requests get the rendering it replaces (stale while
 * revalidating, within that rendering's own expiry), or with no such rendering share the render in progress, even one
 * a change has overtaken. A render that raced with a change is served, but never cached. The cache is bounded by the
 * bytes it holds (Caffeine evicts the least useful feeds), so readers asking for ever new pages cannot exhaust the
 * heap.
 * The last good rendering of each feed is also kept, apart, under the same bound and for a day: while the database
 * is away it is what readers get (stale-if-error, as the responses' Cache-Control promises). Kept apart, stale
 * renderings never compete with fresh ones for room; the two mostly hold the same objects.
 */
@ApplicationScoped
public class FeedCache {

    /** Identifies one page of one document: its path (a feed's, a page's, a sitemap's) and page number. */
    public record Key(String path, int page) {

        public static Key feed(FeedScope scope, FeedFormat format, int page) {
            return new Key(scope.path() + format.fileName(), page);
        }

        /** The feed's scope path ("/feeds/sections/world/"), or null for a page or a sitemap. */
        String feedScopePath() {
            return path.startsWith("/feeds/") ? path.substring(0, path.lastIndexOf('/') + 1) : null;
        }
    }

    /** What one cached feed costs besides its body: key, record, validators, the cache's own node. */
    static final int ENTRY_OVERHEAD_BYTES = 512;

    /** How long a rendering stays the last good one: the stale-if-error of the responses. */
    static final Duration STALE_IF_ERROR = Duration.ofDays(1);

    private final Cache<Key, RenderedFeed> rendered;
    private final Cache<Key, RenderedFeed> lastGood;
    private final Map<Key, CompletableFuture<RenderedFeed>> rendering = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final Clock clock;

    @Inject
    public FeedCache(FeedConfig config, MeterRegistry metrics, Clock clock) {
        this(config.cacheMaxSize().asLongValue(), clock);
        CaffeineCacheMetrics.monitor(metrics, rendered, "feeds");
    }

    FeedCache(long maxBytes, Clock clock) {
        this.clock = clock;
        this.rendered = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher(FeedCache::weigh)
                .expireAfter(new UntilExpires(clock))
                .recordStats()
                .build();
        this.lastGood = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher(FeedCache::weigh)
                .expireAfterWrite(STALE_IF_ERROR)
                .build();
    }

    private static int weigh(Key key, RenderedFeed feed) {
        return feed.body().length + ENTRY_OVERHEAD_BYTES;
    }

    /** The cached feed if it is still fresh, without rendering; null otherwise. Counts as a hit or a miss. */
    public RenderedFeed fresh(Key key) {
        RenderedFeed cached = rendered.getIfPresent(key);
        return cached != null && cached.fresh(clock.instant().toEpochMilli()) ? cached : null;
    }

    /** Whether this feed is rendered (fresh or not), without counting as a hit or a miss. */
    boolean holds(Key key) {
        return rendered.asMap().containsKey(key);
    }

    /** The last rendering of this feed, however old (up to a day); null if there is none. */
    public RenderedFeed lastGood(Key key) {
        return lastGood.getIfPresent(key);
    }

    public RenderedFeed get(Key key, Supplier<RenderedFeed> render) {
        // the map view does not count towards the statistics: the caller's fresh() already did
        RenderedFeed cached = rendered.asMap().get(key);
        if (cached != null && cached.fresh(clock.instant().toEpochMilli())) {
            return cached;
        }
        long current = generation.get();
        CompletableFuture<RenderedFeed> mine = new CompletableFuture<>();
        // One render of a document at a time, even when a change has overtaken it (its result is then served, not
        // cached, and the next request renders again): on a replica just started, cold renders outlast the changes
        // (one every 200 ms), and a render per change per document took every database connection and answered
        // readers 503 (cluster-service-roll, bench/README.md).
        CompletableFuture<RenderedFeed> running = rendering.computeIfAbsent(key, k -> mine);
        if (running != mine) {
            // Until the render is done, the rendering it replaces is what max-age lets every other cache serve
            // anyway, so readers get that at once instead of queueing behind the render: with a story every 200 ms
            // under 500 GETs/s, most of them waited. Never one past its own expiry (an embargo that ended, a
            // day-old copy kept for outages).
            RenderedFeed previous = lastGood.getIfPresent(key);
            if (previous != null && previous.fresh(clock.instant().toEpochMilli())) {
                return previous;
            }
            try {
                return running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            RenderedFeed fresh = render.get();
            if (generation.get() == current) {
                rendered.put(key, fresh);
                lastGood.put(key, fresh);
            } else {
                lastGood.asMap().putIfAbsent(key, fresh); // a newer rendering may be there already
            }
            mine.complete(fresh);
            return fresh;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            rendering.remove(key, mine);
        }
    }

    /**
     * Drops what a change to the articles of these feeds may alter: those feeds, in every format and page, and every
     * page and sitemap (they list stories across feeds and name the sections). Other feeds hold none of the changed
     * articles and stay: a newsroom publishing every few seconds would otherwise re-render every feed each time.
     */
    public void invalidate(Set<FeedScope> scopes) {
        generation.incrementAndGet();
        Set<String> changed = scopes.stream().map(FeedScope::path).collect(Collectors.toSet());
        rendered.asMap().keySet().removeIf(key -> {
            String feed = key.feedScopePath();
            return feed == null || changed.contains(feed);
        });
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        rendered.invalidateAll();
    }

    /** Bytes held (bodies plus per-entry overhead), after pending evictions ran. */
    public long weight() {
        rendered.cleanUp();
        return rendered.policy().eviction().orElseThrow().weightedSize().orElse(0);
    }

    /** A feed leaves the cache once it may no longer be true. */
    private record UntilExpires(Clock clock) implements Expiry<Key, RenderedFeed> {

        @Override
        public long expireAfterCreate(Key key, RenderedFeed feed, long currentTime) {
            long left = feed.expires().toEpochMilli() - clock.instant().toEpochMilli();
            return TimeUnit.MILLISECONDS.toNanos(Math.max(0, left));
        }

        @Override
        public long expireAfterUpdate(Key key, RenderedFeed feed, long currentTime, long currentDuration) {
            return expireAfterCreate(key, feed, currentTime);
        }

        @Override
        public long expireAfterRead(Key key, RenderedFeed feed, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
