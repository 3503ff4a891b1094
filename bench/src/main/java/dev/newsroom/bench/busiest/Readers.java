package dev.newsroom.bench.busiest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Readers: feed readers polling the main, section and tag feeds with conditional GETs (If-None-Match with the last
 * ETag seen of that feed, as a reader that fetched it a moment ago), and people opening story pages.
 */
final class Readers {

    private static final String FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/feed+json, "
            + "application/xml;q=0.9, */*;q=0.8";
    private static final String PAGE_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private final Api api;
    private final Window window;
    final Part feeds;
    final Part pages;
    private final List<String> feedPaths = new ArrayList<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private final List<String> slugs = new ArrayList<>();
    private final Semaphore feedsOut = new Semaphore(1024);
    private final Semaphore pagesOut = new Semaphore(128);

    Readers(Api api, Window window, double feedsPerSecond, double pagesPerSecond) {
        this.api = api;
        this.window = window;
        this.feeds = new Part(window, "feed GETs, conditional", "feeds", feedsPerSecond);
        this.pages = new Part(window, "article page GETs", "pages", pagesPerSecond);
        // of every 20 feed GETs: 8 of the main feeds, 7 of a section's, 5 of a tag's; RSS 3 in 5, Atom and JSON 1 each
        String[] formats = {"rss.xml", "rss.xml", "rss.xml", "atom.xml", "feed.json"};
        for (int slot = 0; slot < 100; slot++) {
            String format = formats[slot % formats.length];
            int kind = slot / 5 % 20;
            int n = slot / 5;
            if (kind < 8) {
                feedPaths.add("/feeds/" + format);
            } else if (kind < 15) {
                feedPaths.add("/feeds/sections/" + Copy.section(n * 3 + slot) + "/" + format);
            } else {
                feedPaths.add("/feeds/tags/" + Copy.TAGS.get((n * 7 + slot) % Copy.TAGS.size()) + "/" + format);
            }
        }
    }

    /** Every feed path once, unmeasured, so that the readers start with ETags. */
    void prime() throws Exception {
        for (String path : feedPaths.stream().distinct().toList()) {
            Answer answer = api.readFeed(path, null, FEED_ACCEPT).get();
            if (answer.status() != 200) {
                throw new IllegalStateException("GET " + path + " answered " + answer.status());
            }
            etags.put(path, answer.etag());
        }
    }

    long distinctFeeds() {
        return feedPaths.stream().distinct().count();
    }

    /** A story readers may open from now on. */
    void page(String slug) {
        synchronized (slugs) {
            slugs.add(slug);
        }
    }

    void feed(long index, long due) {
        String path = feedPaths.get(ThreadLocalRandom.current().nextInt(feedPaths.size()));
        String etag = etags.get(path);
        boolean measured = window.measured(due);
        feedsOut.acquireUninterruptibly();
        window.sent();
        api.readFeed(path, etag, FEED_ACCEPT).whenComplete((response, failure) -> {
            long latency = System.nanoTime() - due;
            feedsOut.release();
            int status = failure == null ? response.status() : 0;
            if (status == 200 || status == 304) {
                if (status == 200) {
                    etags.put(path, response.etag());
                }
                feeds.ok(measured, latency, Integer.toString(status));
            } else {
                feeds.error(measured, latency, status == 0 ? "no answer" : Integer.toString(status), "GET " + path
                        + " (If-None-Match " + etag + "): " + (failure == null ? status : Window.describe(failure)));
            }
            window.done();
        });
    }

    void page(long index, long due) {
        String slug;
        synchronized (slugs) {
            slug = slugs.get(ThreadLocalRandom.current().nextInt(slugs.size()));
        }
        boolean measured = window.measured(due);
        pagesOut.acquireUninterruptibly();
        window.sent();
        api.readPage("/articles/" + slug, PAGE_ACCEPT).whenComplete((response, failure) -> {
            long latency = System.nanoTime() - due;
            pagesOut.release();
            if (failure == null && response.status() == 200) {
                pages.ok(measured, latency, "200");
            } else {
                pages.error(measured, latency, failure == null ? Integer.toString(response.status()) : "no answer",
                        "GET /articles/" + slug + ": " + (failure == null ? response.status()
                                : Window.describe(failure)));
            }
            window.done();
        });
    }
}
