package dev.newsroom.bench.drill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The broker killed with kill -9 during publishes at 5/s, restarted after 5 s: every publish is accepted (the
 * outbox holds the events), none is lost, none appears that was not published, and the backlog reaches the feeds
 * soon after the broker is back.
 */
final class BrokerKill {

    private static final double RATE = 5;
    private static final int SECONDS = 25;
    private static final int KILL_AT = 5;
    private static final int DOWN_FOR = 5;

    boolean run(Platform platform) throws Exception {
        Report report = new Report("broker kill -9 during " + RATE + " publishes/s");
        Newsdesk desk = Newsdesk.open(platform);
        Newsdesk.Batch batch = desk.batch("broker", (int) (RATE * SECONDS));
        List<Newsdesk.Draft> drafts = batch.drafts();
        Map<String, Long> acknowledged = new ConcurrentHashMap<>();
        Set<String> refused = ConcurrentHashMap.newKeySet();
        long backAt = 0;
        Duration restart = null;
        try (FeedWatcher feed = desk.watch(batch)) {
            long start = System.nanoTime();
            Thread publisher = new Thread(() -> {
                Newsdesk.paced(RATE, i -> i < drafts.size(), i -> {
                    String id = drafts.get((int) i).id();
                    if (desk.publish(id).status() == 200) {
                        acknowledged.put(id, System.nanoTime());
                    } else {
                        refused.add(id);
                    }
                });
            }, "publisher");
            publisher.start();
            try {
                Newsdesk.sleepUntil(start + TimeUnit.SECONDS.toNanos(KILL_AT));
                platform.kill9("kafka");
                report.note("broker killed (kill -9) at %d s; restarting it after %d s", KILL_AT, DOWN_FOR);
                Thread.sleep(TimeUnit.SECONDS.toMillis(DOWN_FOR));
                long restartAt = System.nanoTime();
                restart = platform.start("kafka");
                awaitBroker(platform);
                backAt = System.nanoTime();
                report.atMost("broker back after kill -9 (restart until clients are served)",
                        (backAt - restartAt) / 1e9, 5, "s");
            } finally {
                if (!platform.running("kafka")) {
                    platform.start("kafka");
                }
            }
            publisher.join();
            feed.awaitAll(acknowledged.keySet());
            Thread.sleep(1_000); // anything unacknowledged that would show, shows by now
            Map<String, Long> seen = Map.copyOf(feed.firstSeen());
            long backAtFinal = backAt;
            long backlogVisible = acknowledged.entrySet().stream().filter(entry -> entry.getValue() < backAtFinal)
                    .mapToLong(entry -> seen.getOrDefault(entry.getKey(), Long.MAX_VALUE)).max().orElse(backAt);
            report.note("%d publishes, %d acknowledged, broker restart command %.1f s (JVM start included)",
                    drafts.size(), acknowledged.size(), restart == null ? -1 : restart.toMillis() / 1000.0);
            report.zero("publishes refused or failed", refused.size());
            report.zero("lost (acknowledged, never in the feed)", acknowledged.keySet().stream()
                    .filter(id -> !seen.containsKey(id)).count());
            report.zero("phantom (in the feed, never acknowledged)", seen.keySet().stream()
                    .filter(id -> !acknowledged.containsKey(id)).count());
            report.atMost("drain: broker back -> last outage story in the feed", backlogVisible == Long.MAX_VALUE
                    ? 999 : Math.max(0, backlogVisible - backAt) / 1e9, 5, "s");
            Map<String, String> once = feed.exactlyOnce(acknowledged.keySet().stream().collect(Collectors.toSet()));
            report.check("every story exactly once in RSS, Atom and JSON (all pages)", once.isEmpty(),
                    once.isEmpty() ? "yes" : once.toString());
        }
        return report.passed();
    }

    /** The broker answers metadata again: what producers and consumers need first. */
    static void awaitBroker(Platform platform) throws InterruptedException {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "2000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "1000");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        try (Admin admin = Admin.create(config)) {
            while (System.nanoTime() < deadline) {
                try {
                    var partitions = admin.describeTopics(List.of("newsroom.articles")).allTopicNames()
                            .get(2, TimeUnit.SECONDS).get("newsroom.articles").partitions();
                    if (partitions.stream().allMatch(partition -> partition.leader() != null
                            && !partition.leader().isEmpty())) {
                        return;
                    }
                } catch (Exception e) {
                    // not yet
                }
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the broker did not come back within 60 s");
    }
}
