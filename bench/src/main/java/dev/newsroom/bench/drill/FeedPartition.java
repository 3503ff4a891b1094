package dev.newsroom.bench.drill;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A network partition: feed-service replica 2, in a network namespace of its own (bench/partition), cut off from
 * the three brokers for 40 s while stories are published at 5/s. It keeps serving its readers (asked directly, not
 * through the balancer), reports itself degraded in /q/health/group/kafka, and once the cut is healed it consumes
 * again and serves every story within 5 s.
 */
final class FeedPartition {

    private static final double PUBLISHES = 5;
    private static final int CUT_SECONDS = 40;
    private static final double READS = 20;

    boolean run(Platform platform) throws Exception {
        Cluster cluster = new Cluster(platform);
        Report report = new Report("feed-2 cut off from the brokers for " + CUT_SECONDS + " s (network namespace, veth"
                + " link down) under " + PUBLISHES + " publishes/s");
        Http http = new Http(Duration.ofSeconds(10));
        String feed2 = cluster.replicaUrl("feed", 2);
        partition(platform, "up");
        ClusterLoad load = null;
        AtomicBoolean reading = new AtomicBoolean(true);
        AtomicLong reads = new AtomicLong();
        Queue<String> readErrors = new ConcurrentLinkedQueue<>();
        Thread reader = null;
        try {
            long consuming = awaitHealth(http, feed2 + "/q/health/group/kafka", 200, 120);
            report.note("feed-2 started in the namespace; consuming %s", consuming < 0 ? "NOT within 120 s" : "");
            load = new ClusterLoad(platform, "partition", PUBLISHES, 0);
            String section = load.section();
            reader = new Thread(() -> {
                Newsdesk.paced(READS, i -> reading.get(), i -> {
                    String path = i % 2 == 0 ? "/feeds/rss.xml" : "/feeds/sections/" + section + "/atom.xml";
                    Http.Reply reply = http.get(feed2 + path);
                    reads.incrementAndGet();
                    // a section nobody has seen a story of yet answers 404: only errors of the server count
                    if (reply.status() != 200 && reply.status() != 404) {
                        readErrors.add(reply.status() + " " + path + " " + reply.error());
                    }
                });
            }, "feed-2 reader");
            reader.start();
            Thread.sleep(5_000);
            partition(platform, "cut");
            long cutAt = System.nanoTime();
            long degradedAt = -1;
            boolean readyThroughout = true;
            while (System.nanoTime() - cutAt < TimeUnit.SECONDS.toNanos(CUT_SECONDS)) {
                if (degradedAt < 0 && http.get(feed2 + "/q/health/group/kafka").status() != 200) {
                    degradedAt = System.nanoTime();
                }
                readyThroughout &= http.get(feed2 + "/q/health/ready").status() == 200;
                Thread.sleep(200);
            }
            // the cut is real: the group gave feed-2's partitions to feed-1 once feed-2's session ran out
            Map<String, java.util.List<org.apache.kafka.common.TopicPartition>> during = cluster.feedAssignment();
            long heldByFeed2 = during.entrySet().stream().filter(member -> member.getKey().startsWith("feed-2"))
                    .mapToLong(member -> member.getValue().size()).sum();
            long heldByFeed1 = during.entrySet().stream().filter(member -> member.getKey().startsWith("feed-1"))
                    .mapToLong(member -> member.getValue().size()).sum();
            report.check("during the cut: feed-1 holds all 12 partitions, feed-2 none", heldByFeed1 == 12 && heldByFeed2 == 0,
                    "feed-1 " + heldByFeed1 + ", feed-2 " + heldByFeed2);
            Map<String, Long> beforeHeal = Map.copyOf(load.published);
            partition(platform, "heal");
            long healAt = System.nanoTime();
            long backAt = awaitHealth(http, feed2 + "/q/health/group/kafka", 200, 60);
            long allServedAt = awaitStories(http, feed2 + "/feeds/sections/" + section + "/rss.xml", beforeHeal, 60);
            report.atMost("cut -> feed-2 reports itself degraded (/q/health/group/kafka not 200)",
                    degradedAt < 0 ? 999 : (degradedAt - cutAt) / 1e9, CUT_SECONDS, "s");
            report.check("feed-2 ready (serving) throughout the cut", readyThroughout, readyThroughout ? "yes" : "no");
            report.atMost("heal -> feed-2 consumes again (holds partitions, /q/health/group/kafka 200)",
                    backAt < 0 ? 999 : (backAt - healAt) / 1e9, 5, "s");
            report.atMost("heal -> every story published before the heal served by feed-2",
                    allServedAt < 0 ? 999 : Math.max(0, allServedAt - healAt) / 1e9, 5, "s");
            Thread.sleep(3_000);
        } finally {
            reading.set(false);
            if (reader != null) {
                reader.join(15_000);
            }
            if (load != null) {
                load.close();
            }
            partition(platform, "down");
        }
        report.note("readers asking feed-2 directly: %d GETs", reads.get());
        report.zero("feed-2 answers other than 200 (or 404 for a section not seen yet)", readErrors.size());
        readErrors.stream().limit(5).forEach(error -> report.note("  %s", error));
        load.report(report);
        load.checkDelivered(report);
        return report.passed();
    }

    private static void partition(Platform platform, String action) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(platform.root.resolve("bench").resolve("partition").toString(), action)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("NEWSROOM_PORT_OFFSET", Integer.toString(platform.offset));
        builder.environment().put("NEWSROOM_DATA", platform.data.toString());
        Process process = builder.start();
        if (!process.waitFor(240, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException("bench/partition " + action + " failed");
        }
    }

    /** Polls until the URL answers the status; when (System.nanoTime), or -1 after the timeout. */
    private static long awaitHealth(Http http, String url, int status, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (http.get(url).status() == status) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        return -1;
    }

    /** Polls the feed (every page) until it names every story; when (System.nanoTime), or -1 after the timeout. */
    private static long awaitStories(Http http, String feed, Map<String, Long> stories, int seconds)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            StringBuilder all = new StringBuilder();
            for (int page = 1; page <= 100; page++) {
                Http.Reply reply = http.get(feed + (page == 1 ? "" : "?page=" + page));
                if (reply.status() != 200) {
                    break;
                }
                all.append(reply.body());
                if (!reply.body().contains("page=" + (page + 1))) {
                    break;
                }
            }
            if (stories.keySet().stream().allMatch(id -> all.indexOf(id) >= 0)) {
                return System.nanoTime();
            }
            Thread.sleep(50);
        }
        return -1;
    }
}
