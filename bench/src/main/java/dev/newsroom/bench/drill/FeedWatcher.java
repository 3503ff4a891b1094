package dev.newsroom.bench.drill;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsroom.bench.Daemons;

/**
 * Reads the drill's section feed as a subscriber would: every page of RSS, Atom and JSON Feed. Watching records when
 * each story first showed; counting tells how often each story appears over all pages of a format.
 */
final class FeedWatcher implements AutoCloseable {

    private static final Pattern ID = Pattern.compile("urn:uuid:([0-9a-f-]{36})");
    private static final Map<String, Pattern> ITEMS = Map.of(
            "rss.xml", Pattern.compile("<item>"),
            "atom.xml", Pattern.compile("<entry>"),
            "feed.json", Pattern.compile("\"id\"\\s*:\\s*\"urn:uuid:"));

    private final Platform platform;
    private final Http http;
    private final String section;
    private final Map<String, Long> firstSeen = new ConcurrentHashMap<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread poller;

    FeedWatcher(Platform platform, Http http, String section) {
        this.platform = platform;
        this.http = http;
        this.section = section;
        this.poller = Daemons.thread("feed-watcher", this::poll);
        poller.start();
    }

    /** When (System.nanoTime) each story id was first in the RSS feed of the section. */
    Map<String, Long> firstSeen() {
        return firstSeen;
    }

    /** Waits up to 60 s for every one of the stories to show in the feed. */
    void awaitAll(Collection<String> ids) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!firstSeen.keySet().containsAll(ids) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private void poll() {
        while (running.get()) {
            long now = System.nanoTime();
            for (String id : count("rss.xml").keySet()) {
                firstSeen.putIfAbsent(id, now);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** How many times each story id appears as an item over every page of one format (empty if unreachable). */
    Map<String, Integer> count(String file) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int page = 1; page <= 100; page++) {
            Http.Reply reply = http.get(platform.feedUrl() + "/feeds/sections/" + section + "/" + file
                    + (page == 1 ? "" : "?page=" + page));
            if (reply.status() != 200) {
                break;
            }
            Map<String, Integer> onPage = new HashMap<>();
            Matcher ids = ID.matcher(reply.body());
            while (ids.find()) {
                onPage.merge(ids.group(1), 1, Integer::sum);
            }
            int items = 0;
            Matcher item = ITEMS.get(file).matcher(reply.body());
            while (item.find()) {
                items++;
            }
            // Ids are counted once per page (an item may name its id twice); more items than ids is a duplicate item.
            if (items != onPage.size()) {
                counts.merge("items-without-a-distinct-id-on-page-" + page, items - onPage.size(), Integer::sum);
            }
            onPage.keySet().forEach(id -> counts.merge(id, 1, Integer::sum));
            if (!reply.body().contains("page=" + (page + 1))) {
                break;
            }
        }
        return counts;
    }

    /** For each format, the stories that are not exactly once over all its pages, and the missing ones. */
    Map<String, String> exactlyOnce(Set<String> expected) {
        Map<String, String> problems = new LinkedHashMap<>();
        for (String file : List.of("rss.xml", "atom.xml", "feed.json")) {
            Map<String, Integer> counts = count(file);
            long missing = expected.stream().filter(id -> !counts.containsKey(id)).count();
            long twice = counts.entrySet().stream().filter(entry -> entry.getValue() != 1).count();
            long foreign = counts.keySet().stream().filter(id -> !expected.contains(id)).count();
            if (missing + twice + foreign > 0) {
                problems.put(file, missing + " missing, " + twice + " not exactly once, " + foreign + " unexpected");
            }
        }
        return problems;
    }

    @Override
    public void close() {
        running.set(false);
        poller.interrupt();
    }
}
