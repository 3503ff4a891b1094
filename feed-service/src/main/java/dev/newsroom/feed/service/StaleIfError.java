package dev.newsroom.feed.service;

import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import lombok.RequiredArgsConstructor;

/**
 * Serves feeds and pages from the cache, rendering what is stale; while the database is away, the last good rendering
 * instead of an error, as the responses' Cache-Control (stale-if-error) promises. What was never rendered still fails,
 * with the database's 503.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class StaleIfError {

    private final FeedCache cache;
    private final DatabaseOutage outage;

    public RenderedFeed get(FeedCache.Key key, Supplier<RenderedFeed> render) {
        RenderedFeed lastGood = cache.lastGood(key);
        if (lastGood != null && outage.inProgress()) {
            return lastGood;
        }
        try {
            return cache.get(key, render);
        } catch (RuntimeException e) {
            if (lastGood != null && outage.noticed(e)) {
                return lastGood;
            }
            throw e;
        }
    }
}
