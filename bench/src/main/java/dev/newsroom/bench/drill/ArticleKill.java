package dev.newsroom.bench.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * article-service killed with kill -9 under 10 publishes/s and restarted: every acknowledged publish reaches the
 * feeds, none that was refused does, and calls while it is down fail at once instead of hanging. A call cut off
 * mid-flight has no answer either way (it may have committed): those are counted apart, with what became of them.
 */
final class ArticleKill {

    private static final double RATE = 10;
    private static final int SECONDS = 20;
    private static final int KILL_AT = 5;

    boolean run(Platform platform) throws Exception {
        Report report = new Report("article-service kill -9 under " + RATE + " publishes/s");
        Newsdesk desk = Newsdesk.open(platform);
        Newsdesk.Batch batch = desk.batch("article", (int) (RATE * SECONDS));
        List<Newsdesk.Draft> drafts = batch.drafts();
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        Set<String> refused = ConcurrentHashMap.newKeySet(); // connection refused: never reached the service
        Set<String> inDoubt = ConcurrentHashMap.newKeySet(); // cut off mid-flight, or an error status
        AtomicLong slowestFailure = new AtomicLong();
        ExecutorService publishers = Executors.newFixedThreadPool(8);
        try (FeedWatcher feed = desk.watch(batch)) {
            long start = System.nanoTime();
            for (int i = 0; i < drafts.size(); i++) {
                String id = drafts.get(i).id();
                long at = start + (long) (i * 1e9 / RATE);
                publishers.submit(() -> {
                    Newsdesk.sleepUntil(at);
                    Http.Reply reply = desk.publish(id);
                    if (reply.status() == 200) {
                        acknowledged.add(id);
                    } else {
                        if (reply.status() == 0 && String.valueOf(reply.error()).contains("ConnectException")) {
                            // how long a call waits while the service is down (one in flight waited for its work)
                            slowestFailure.accumulateAndGet(reply.millis(), Math::max);
                            refused.add(id);
                        } else {
                            inDoubt.add(id);
                        }
                    }
                    return null;
                });
            }
            try {
                Newsdesk.sleepUntil(start + TimeUnit.SECONDS.toNanos(KILL_AT));
                platform.kill9("article");
                report.note("article-service killed (kill -9) at %d s; restarting it at once", KILL_AT);
                Duration restart = platform.start("article");
                report.note("article-service ready again %.1f s after the restart command", restart.toMillis() / 1e3);
            } finally {
                if (!platform.running("article")) {
                    platform.start("article");
                }
            }
            publishers.shutdown();
            publishers.awaitTermination(120, TimeUnit.SECONDS);
            feed.awaitAll(acknowledged);
            Thread.sleep(2_000); // the outbox relays what committed at once: anything that would show, shows by now
            Map<String, Long> seen = Map.copyOf(feed.firstSeen());
            report.note("%d publishes: %d acknowledged, %d refused while down, %d cut off mid-flight",
                    drafts.size(), acknowledged.size(), refused.size(), inDoubt.size());
            report.zero("acknowledged but never in the feed", acknowledged.stream()
                    .filter(id -> !seen.containsKey(id)).count());
            report.zero("refused (never reached the service) yet in the feed", refused.stream()
                    .filter(seen::containsKey).count());
            report.note("cut off mid-flight: %d of %d in the feed (committed before the kill; the editor sees "
                    + "the article published when reloading)", inDoubt.stream().filter(seen::containsKey).count(),
                    inDoubt.size());
            report.zero("in the feed but never sent by the drill", seen.keySet().stream()
                    .filter(id -> !acknowledged.contains(id) && !refused.contains(id) && !inDoubt.contains(id))
                    .count());
            report.atMost("slowest refused call while article-service was down", slowestFailure.get(), 1_000, "ms");
            Map<String, String> once = feed.exactlyOnce(seen.keySet());
            report.check("every story exactly once in RSS, Atom and JSON (all pages)", once.isEmpty(),
                    once.isEmpty() ? "yes" : once.toString());
        } finally {
            publishers.shutdownNow();
        }
        return report.passed();
    }
}
