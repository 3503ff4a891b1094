package dev.newsroom.feed.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;

class FeedCacheTest {

    private final FeedCache cache = new FeedCache(1 << 20, Clock.systemUTC());
    private final FeedCache.Key key = FeedCache.Key.feed(FeedScope.ALL, FeedFormat.RSS, 1);

    @Test
    void concurrentRequestsShareOneRender() throws Exception {
        AtomicInteger renders = new AtomicInteger();
        try (HeldRender first = new HeldRender(() -> {
            renders.incrementAndGet();
            return feed("one");
        })) {
            AtomicReference<RenderedFeed> second = new AtomicReference<>();
            Thread waiter = new Thread(() -> second.set(cache.get(key, () -> {
                renders.incrementAndGet();
                return feed("two");
            })));
            waiter.start();
            // Only once the second request waits on the render in progress does its answer prove sharing; had it
            // rendered on its own, it would have finished instead.
            Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> waiter.getState() == Thread.State.WAITING
                    || waiter.getState() == Thread.State.TERMINATED);
            assertThat(waiter.getState()).as("the second request waits for the first render")
                    .isEqualTo(Thread.State.WAITING);
            String firstBody = first.release();
            waiter.join(5_000);

            assertThat(firstBody).isEqualTo("one");
            assertThat(new String(second.get().body())).isEqualTo("one");
            assertThat(renders).hasValue(1);
            assertThat(cache.fresh(key)).isNotNull();
        }
    }

    @Test
    void whileAChangeIsRenderedReadersGetTheRenderingItReplacesAtOnce() throws Exception {
        cache.get(key, () -> feed("before"));
        cache.invalidateAll();
        try (HeldRender renderer = new HeldRender(() -> feed("after"))) {
            assertThat(new String(cache.get(key, () -> feed("a second render")).body()))
                    .as("a reader during the render, without waiting for it").isEqualTo("before");
            assertThat(renderer.release()).isEqualTo("after");
            assertThat(new String(cache.get(key, () -> feed("a third render")).body())).isEqualTo("after");
        }
    }

    @Test
    void aRenderingPastItsExpiryIsNotServedWhileTheNextIsRendered() throws Exception {
        cache.get(key, () -> new RenderedFeed("expired".getBytes(), "application/rss+xml", "\"expired\"",
                Instant.EPOCH, Instant.now().minusSeconds(1)));
        try (HeldRender renderer = new HeldRender(() -> feed("current"))) {
            CompletableFuture<RenderedFeed> reader = CompletableFuture.supplyAsync(() -> cache.get(key,
                    () -> feed("a second render")));
            Awaitility.await().during(Duration.ofMillis(200)).atMost(Duration.ofSeconds(5))
                    .until(() -> !reader.isDone());

            assertThat(renderer.release()).isEqualTo("current");
            assertThat(new String(reader.get(5, TimeUnit.SECONDS).body())).as("the reader waited for the render")
                    .isEqualTo("current");
        }
    }

    @Test
    void aChangeDuringTheFirstRenderStartsNoSecondOneWhenThereIsNothingToServeMeanwhile() throws Exception {
        AtomicInteger ownRenders = new AtomicInteger();
        try (HeldRender first = new HeldRender(() -> feed("first"))) {
            cache.invalidateAll();
            CompletableFuture<RenderedFeed> reader = CompletableFuture.supplyAsync(() -> cache.get(key, () -> {
                ownRenders.incrementAndGet();
                return feed("second");
            }));
            Awaitility.await("the reader waits for the render in progress").during(Duration.ofMillis(200))
                    .atMost(Duration.ofSeconds(5)).until(() -> !reader.isDone());

            assertThat(ownRenders).as("renders started beside the running one").hasValue(0);
            assertThat(first.release()).isEqualTo("first");
            assertThat(new String(reader.get(5, TimeUnit.SECONDS).body())).isEqualTo("first");
            assertThat(cache.fresh(key)).as("the render that raced with the change is not cached").isNull();
            assertThat(new String(cache.get(key, () -> feed("third")).body())).isEqualTo("third");
        }
    }

    @Test
    void whileARenderAChangeOvertookRunsReadersGetTheLastRenderingAndStartNoOtherRender() throws Exception {
        AtomicInteger ownRenders = new AtomicInteger();
        cache.get(key, () -> feed("before"));
        cache.invalidateAll();
        try (HeldRender overtaken = new HeldRender(() -> feed("after the first change"))) {
            cache.invalidateAll();

            RenderedFeed served = cache.get(key, () -> {
                ownRenders.incrementAndGet();
                return feed("after the second change");
            });

            assertThat(new String(served.body())).as("a reader during the render").isEqualTo("before");
            assertThat(ownRenders).as("renders started beside the running one").hasValue(0);
            assertThat(overtaken.release()).isEqualTo("after the first change");
            assertThat(cache.fresh(key)).as("the overtaken render is not cached").isNull();
            assertThat(new String(cache.get(key, () -> feed("after the second change")).body()))
                    .isEqualTo("after the second change");
        }
    }

    @Test
    void aRenderThatRacedWithAChangeIsNotCached() {
        RenderedFeed served = cache.get(key, () -> {
            cache.invalidateAll();
            return feed("stale");
        });

        assertThat(new String(served.body())).isEqualTo("stale");
        assertThat(cache.fresh(key)).isNull();
        assertThat(new String(cache.get(key, () -> feed("fresh")).body())).isEqualTo("fresh");
        assertThat(cache.fresh(key)).isNotNull();
    }

    @Test
    void anExpiredFeedIsRenderedAgain() {
        cache.get(key, () -> new RenderedFeed("old".getBytes(), "application/rss+xml", "\"1\"", Instant.EPOCH,
                Instant.now().minusSeconds(1)));

        assertThat(cache.fresh(key)).isNull();
        assertThat(new String(cache.get(key, () -> feed("new")).body())).isEqualTo("new");
    }

    @Test
    void theCacheHoldsNoMoreBytesThanItsBound() {
        for (int page = 1; page <= 5_000; page++) {
            int n = page;
            cache.get(FeedCache.Key.feed(FeedScope.tag("t" + n), FeedFormat.RSS, n), () -> feed("x".repeat(1000)));
        }

        assertThat(cache.weight()).isPositive().isLessThanOrEqualTo(1 << 20);
    }

    @Test
    void aChangeMakesFeedsStaleButKeepsTheLastGoodRenderingForAnOutage() {
        cache.get(key, () -> feed("before"));
        cache.invalidateAll();

        assertThat(cache.fresh(key)).isNull();
        assertThat(new String(cache.lastGood(key).body())).isEqualTo("before");
        assertThat(cache.lastGood(FeedCache.Key.feed(FeedScope.ALL, FeedFormat.ATOM, 1))).isNull();
        cache.get(key, () -> feed("after"));
        assertThat(new String(cache.lastGood(key).body())).isEqualTo("after");
    }

    @Test
    void aFeedPastItsExpiryStaysTheLastGoodRendering() {
        cache.get(key, () -> new RenderedFeed("old".getBytes(), "application/rss+xml", "\"old\"", Instant.EPOCH,
                Instant.now().minusSeconds(1)));

        assertThat(cache.fresh(key)).isNull();
        assertThat(new String(cache.lastGood(key).body())).isEqualTo("old");
    }

    @Test
    void aChangeDropsItsFeedsAndEveryPageButKeepsOtherFeeds() {
        FeedCache.Key world = FeedCache.Key.feed(FeedScope.section("World"), FeedFormat.ATOM, 2);
        FeedCache.Key sport = FeedCache.Key.feed(FeedScope.section("sport"), FeedFormat.RSS, 1);
        FeedCache.Key harbourTag = FeedCache.Key.feed(FeedScope.tag("harbour"), FeedFormat.JSON_FEED, 1);
        FeedCache.Key sportPage = new FeedCache.Key("page:" + FeedScope.section("sport").path(), 1);
        FeedCache.Key story = new FeedCache.Key("/articles/quay-wall-repaired", 1);
        FeedCache.Key sitemap = new FeedCache.Key("/sitemaps/news.xml", 1);
        for (FeedCache.Key each : List.of(key, world, sport, harbourTag, sportPage, story, sitemap)) {
            cache.get(each, () -> feed(each.path()));
        }

        cache.invalidate(Set.of(FeedScope.ALL, FeedScope.section("world"), FeedScope.tag("harbour")));

        assertThat(cache.fresh(sport)).as("a feed the change is not in").isNotNull();
        for (FeedCache.Key dropped : List.of(key, world, harbourTag, sportPage, story, sitemap)) {
            assertThat(cache.fresh(dropped)).as(dropped.path()).isNull();
        }
    }

    /** A render of the test's feed on a thread of its own, held until released, so a test can ask meanwhile. */
    private final class HeldRender implements AutoCloseable {

        private final CountDownLatch started = new CountDownLatch(1);
        private final CountDownLatch release = new CountDownLatch(1);
        private final ExecutorService thread = Executors.newSingleThreadExecutor();
        private final Future<RenderedFeed> result;

        HeldRender(Supplier<RenderedFeed> rendering) throws InterruptedException {
            result = thread.submit(() -> cache.get(key, () -> {
                started.countDown();
                await(release);
                return rendering.get();
            }));
            assertThat(started.await(5, TimeUnit.SECONDS)).as("the held render started").isTrue();
        }

        /** Lets the render finish; answers the body its request got. */
        String release() throws Exception {
            release.countDown();
            return new String(result.get(5, TimeUnit.SECONDS).body());
        }

        @Override
        public void close() {
            release.countDown();
            thread.shutdownNow();
        }
    }

    private static RenderedFeed feed(String body) {
        return new RenderedFeed(body.getBytes(), "application/rss+xml", "\"" + body + "\"", Instant.EPOCH,
                Instant.now().plusSeconds(60));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
