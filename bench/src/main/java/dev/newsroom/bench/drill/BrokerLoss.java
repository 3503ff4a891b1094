package dev.newsroom.bench.drill;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Kafka nodes lost with kill -9 and left down, under 5 publishes/s. One down: publishing goes on and stories reach
 * the feeds as usual (two in-sync replicas remain, min.insync.replicas 2 holds). Two down: editors still publish and
 * correct (the outbox holds the events; nothing is acknowledged by the brokers); once one node returns every story
 * is delivered, each story's events in order, and nothing is lost or doubled.
 */
final class BrokerLoss {

    private static final double PUBLISHES = 5;
    private static final int PHASE_SECONDS = 20;

    boolean run(Platform platform) throws Exception {
        Cluster cluster = new Cluster(platform);
        Report report = new Report("Kafka nodes killed (kill -9) and left down under " + PUBLISHES + " publishes/s");
        cluster.awaitInSync(Duration.ofSeconds(60));
        Http http = new Http(Duration.ofSeconds(30));
        ClusterLoad load = new ClusterLoad(platform, "broker-loss", PUBLISHES, 0);
        Map<String, Long> firstSeen;
        Set<String> corrected = new TreeSet<>();
        List<String> correctionErrors = new ArrayList<>();
        try (FeedWatcher feed = new FeedWatcher(platform, http, load.section())) {
            Thread.sleep(5_000);
            cluster.kill9("kafka-3");
            long oneDown = System.nanoTime();
            report.note("kafka-3 killed (kill -9) at 5 s and left down");
            Thread.sleep(PHASE_SECONDS * 1000L);
            cluster.kill9("kafka-2");
            long twoDown = System.nanoTime();
            report.note("kafka-2 killed (kill -9) %d s later: one node of three left, no quorum, no in-sync pair", PHASE_SECONDS);
            Thread.sleep(PHASE_SECONDS * 1000L);
            // each story published while two were down is corrected too: two events per story wait in the outbox
            Map<String, Long> outage = new HashMap<>(load.published);
            outage.values().removeIf(at -> at < twoDown);
            for (String id : outage.keySet()) {
                Http.Reply reply = correct(platform, http, id);
                if (reply.status() == 200) {
                    corrected.add(id);
                } else {
                    correctionErrors.add(id + ": " + reply.status() + " " + reply.error());
                }
            }
            Duration restart = cluster.start("kafka-2");
            long oneBack = System.nanoTime(); // the node serves again: ./newsroom start returns then
            report.note("kafka-2 restarted %d s after it was killed (its start took %.1f s on this machine)",
                    PHASE_SECONDS, restart.toMillis() / 1000.0);
            feed.awaitAll(outage.keySet());
            firstSeen = Map.copyOf(feed.firstSeen());
            long drained = outage.keySet().stream().mapToLong(id -> firstSeen.getOrDefault(id, Long.MAX_VALUE)).max()
                    .orElse(oneBack);
            // Right after the kill the dead node's partitions have no leader until the controller fences it (the
            // broker session, 9 s); after that one node down is the steady state. Stories of the last 5 s before
            // the second kill are left out: their delivery meets the second kill.
            long failoverEnd = oneDown + TimeUnit.SECONDS.toNanos(10);
            List<Long> failover = visibleMillis(load.published, firstSeen, oneDown, failoverEnd);
            List<Long> steady = visibleMillis(load.published, firstSeen, failoverEnd, twoDown - TimeUnit.SECONDS.toNanos(5));
            report.note("one node down, first 10 s: %d stories, publish -> in the feed ms: %s", failover.size(),
                    ClusterLoad.percentiles(new ConcurrentLinkedQueue<>(failover)));
            report.note("one node down, after that: %d stories, publish -> in the feed ms: %s", steady.size(),
                    ClusterLoad.percentiles(new ConcurrentLinkedQueue<>(steady)));
            report.atMost("one node down, first 10 s: slowest publish -> in the feed (failover)",
                    failover.isEmpty() ? 999 : failover.get(failover.size() - 1) / 1000.0, 15, "s");
            report.atMost("one node down, after failover: slowest publish -> in the feed (SLO 5 s)",
                    steady.isEmpty() ? 999 : steady.get(steady.size() - 1) / 1000.0, 5, "s");
            report.check("two nodes down: publishes accepted by the outbox", outage.size() >= PHASE_SECONDS * PUBLISHES * 0.8,
                    outage.size() + " published, " + corrected.size() + " of them corrected");
            report.zero("two nodes down: corrections refused", correctionErrors.size());
            correctionErrors.stream().limit(5).forEach(error -> report.note("  %s", error));
            report.atMost("node back (serving) -> last story of the two-down outage in the feed",
                    drained == Long.MAX_VALUE ? 999 : Math.max(0, drained - oneBack) / 1e9, 30, "s");
            Thread.sleep(3_000);
        } finally {
            load.close();
            for (String node : List.of("kafka-2", "kafka-3")) {
                if (cluster.pid(node) < 0) {
                    cluster.start(node);
                }
            }
        }
        report.note("kafka-3 back; partitions in sync %.1f s later", cluster.awaitInSync(Duration.ofSeconds(120)).toMillis() / 1000.0);
        load.report(report);
        load.checkDelivered(report);
        checkOrder(cluster, report, load.published.keySet(), corrected);
        return report.passed();
    }

    /** Publish -> first seen in the feed, in ms, sorted, of the stories acknowledged between two instants. */
    private static List<Long> visibleMillis(Map<String, Long> published, Map<String, Long> firstSeen, long from, long to) {
        return published.entrySet().stream()
                .filter(entry -> entry.getValue() >= from && entry.getValue() < to && firstSeen.containsKey(entry.getKey()))
                .map(entry -> (firstSeen.get(entry.getKey()) - entry.getValue()) / 1_000_000).sorted().toList();
    }

    /** A correction by the editor: the story saved again with a correction note, which republishes it. */
    private static Http.Reply correct(Platform platform, Http http, String id) throws Exception {
        String url = platform.articleUrl() + "/api/articles/" + id;
        Http.Reply current = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", Http.EDITOR)
                .timeout(Duration.ofSeconds(30)).GET().build());
        if (current.status() != 200) {
            return current;
        }
        ObjectNode story = (ObjectNode) Newsdesk.JSON.readTree(Newsdesk.draftJson(
                Newsdesk.JSON.readTree(current.body()).path("headline").asText(),
                Newsdesk.JSON.readTree(current.body()).path("section").asText()));
        story.put("correction", "Corrected while two Kafka nodes were down.");
        return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", Http.EDITOR).header("Content-Type", "application/json")
                .header("If-Match", current.header("ETag"))
                .PUT(HttpRequest.BodyPublishers.ofString(story.toString())).build());
    }

    /** On the topic, each story's events follow its revisions, and each corrected story was published before updated. */
    private static void checkOrder(Cluster cluster, Report report, Set<String> stories, Set<String> corrected)
            throws Exception {
        Map<String, List<Cluster.ArticleEvent>> byStory = cluster.articleEvents(stories).stream()
                .collect(Collectors.groupingBy(Cluster.ArticleEvent::story));
        // A relay pass that gave up waiting re-sends its events, so a story may have an event twice; consumers drop
        // a revision they have already applied. What matters is that each revision first appears in order.
        long duplicates = byStory.values().stream().mapToLong(events -> events.size()
                - events.stream().mapToLong(Cluster.ArticleEvent::revision).distinct().count()).sum();
        long outOfOrder = byStory.values().stream().filter(events -> {
            long newest = Long.MIN_VALUE;
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (Cluster.ArticleEvent event : events) {
                if (seen.add(event.revision())) {
                    if (event.revision() < newest) {
                        return true;
                    }
                    newest = event.revision();
                }
            }
            return false;
        }).count();
        long correctedInOrder = corrected.stream().filter(id -> {
            List<Cluster.ArticleEvent> events = byStory.getOrDefault(id, List.of());
            return events.size() >= 2 && events.get(0).type().endsWith(".published")
                    && events.get(events.size() - 1).type().endsWith(".updated");
        }).count();
        report.note("newsroom.articles: %d events for the %d stories, %d of them a second copy of a revision (re-sent"
                + " after an acknowledgement timed out; dropped by consumers)", byStory.values().stream()
                .mapToInt(List::size).sum(), stories.size(), duplicates);
        report.zero("stories whose revisions first appear out of order on the topic", outOfOrder);
        report.check("corrected in the outage: published, then updated, in that order", correctedInOrder == corrected.size(),
                correctedInOrder + " of " + corrected.size());
    }
}
