package dev.newsroom.bench.drill;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * feed-service killed with kill -9 a third into a burst of 300 publishes and restarted at once: it consumes again
 * within 5 s of being ready (static membership: it takes its partitions back instead of waiting out the dead
 * member's session), and every story is exactly once in every feed format, page and article page.
 */
final class FeedKill {

    private static final int STORIES = 300;

    boolean run(Platform platform) throws Exception {
        Report report = new Report("feed-service kill -9 mid-burst of " + STORIES + " publishes");
        Newsdesk desk = Newsdesk.open(platform);
        Newsdesk.Batch batch = desk.batch("feed", STORIES);
        List<Newsdesk.Draft> drafts = batch.drafts();
        Map<String, String> slugs = new ConcurrentHashMap<>();
        Set<String> failed = ConcurrentHashMap.newKeySet();
        AtomicInteger done = new AtomicInteger();
        ExecutorService publishers = Executors.newFixedThreadPool(4);
        try (FeedWatcher feed = desk.watch(batch)) {
            for (Newsdesk.Draft draft : drafts) {
                publishers.submit(() -> {
                    Http.Reply reply = desk.publish(draft.id());
                    if (reply.status() == 200) {
                        slugs.put(draft.id(), Newsdesk.slug(reply));
                    } else {
                        failed.add(draft.id());
                    }
                    done.incrementAndGet();
                });
            }
            long readyAt;
            long consumingAt;
            try {
                while (done.get() < STORIES / 3) {
                    Thread.sleep(5);
                }
                platform.kill9("feed");
                report.note("feed-service killed (kill -9) after %d of %d publishes; restarting it at once",
                        done.get(), STORIES);
                long restartAt = System.nanoTime();
                var restart = platform.startInBackground("feed");
                readyAt = awaitStatus(platform, desk.http(), "feed", "/q/health/ready");
                report.note("feed-service ready %.1f s after the restart command", (readyAt - restartAt) / 1e9);
                consumingAt = awaitStatus(platform, desk.http(), "feed", "/q/health/group/kafka");
                restart.join();
            } finally {
                if (!platform.running("feed")) {
                    platform.start("feed");
                }
            }
            publishers.shutdown();
            publishers.awaitTermination(120, TimeUnit.SECONDS);
            report.atMost("ready -> every consumer holds its partitions", (consumingAt - readyAt) / 1e9, 5, "s");
            feed.awaitAll(slugs.keySet());
            long lastSeen = feed.firstSeen().values().stream().mapToLong(Long::longValue).max().orElse(readyAt);
            report.note("last story in the feed %.1f s after feed-service was ready", (lastSeen - readyAt) / 1e9);
            report.atMost("ready -> every published story in the feed", (lastSeen - readyAt) / 1e9, 10, "s");
            report.zero("publishes refused or failed", failed.size());
            Map<String, String> once = feed.exactlyOnce(slugs.keySet());
            report.check("every story exactly once in RSS, Atom and JSON (all pages)", once.isEmpty(),
                    once.isEmpty() ? STORIES + " of " + STORIES + " in each" : once.toString());
            long pagesMissing = slugs.values().stream()
                    .filter(slug -> desk.http().get(platform.feedUrl() + "/articles/" + slug).status() != 200).count();
            report.zero("article pages not answering 200", pagesMissing);
        } finally {
            publishers.shutdownNow();
        }
        return report.passed();
    }

    /**
     * Polls a health endpoint until it answers 200 (readiness; the kafka group: every consumer holds partitions);
     * returns when (System.nanoTime).
     */
    static long awaitStatus(Platform platform, Http http, String service, String path) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (http.get(platform.serviceUrl(service) + path).status() == 200) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        return deadline;
    }
}
