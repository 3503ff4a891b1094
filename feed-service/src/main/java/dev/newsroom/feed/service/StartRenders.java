package dev.newsroom.feed.service;

import java.time.Duration;
import java.util.function.Supplier;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import lombok.RequiredArgsConstructor;

/**
 * Renders what most readers ask for, the main feed's first pages and the front page, before this replica serves
 * anyone. Start-up observers run before the HTTP server listens, so a replica turns ready, and a balancer sends it
 * readers, with these already cached. Without it, a replica joining its Service in a rolling restart rendered them for
 * its first readers with code not yet compiled, and on a busy machine those renders outlasted the readers' patience
 * (bench/README.md, cluster drills). A render that fails here is left to the first reader, who gets its answer.
 * They are rendered once the replica listens for other replicas' changes (ReplicaNotices, whose start drops whatever
 * is rendered), so that none is dropped at once and none misses a change committed in between.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class StartRenders {

    /** How long the start waits for the listener; without it the renders go on, and may be dropped when it joins. */
    private static final Duration LISTENER_WAIT = Duration.ofSeconds(5);

    private final FeedService feeds;
    private final SitePages pages;
    private final ReplicaNotices notices;

    // after ReplicaNotices' start (default priority), which starts the listener this waits for
    void render(@Observes @Priority(Interceptor.Priority.APPLICATION + 600) StartupEvent startup)
            throws InterruptedException {
        long started = System.nanoTime();
        notices.awaitFirstListen(LISTENER_WAIT);
        long listening = System.nanoTime();
        for (FeedFormat format : FeedFormat.values()) {
            attempt(format.fileName(), () -> feeds.feed(FeedScope.ALL, format, 1));
        }
        attempt("the front page", () -> pages.listing(FeedScope.ALL, 1));
        // the two apart: on a busy machine the wait can be most of it, and only the renders are this class's cost
        Log.infof("main feeds and front page rendered in %d ms, before serving readers (after %d ms waiting for the "
                + "replica listener)", millis(listening, System.nanoTime()), millis(started, listening));
    }

    private static long millis(long from, long to) {
        return (to - from) / 1_000_000;
    }

    private static void attempt(String what, Supplier<RenderedFeed> render) {
        try {
            render.get();
        } catch (RuntimeException e) {
            Log.warnf("rendering %s at start failed (the first reader's request renders it): %s", what,
                    e.getMessage());
        }
    }
}
