package dev.newsroom.bench.drill;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import org.apache.kafka.common.TopicPartition;

/**
 * A rolling restart of each service pair (article-1, article-2, media-1, ..., feed-2: SIGTERM, start, ready, then
 * the Deployments' minReadySeconds before the next, as Kubernetes rolls them) under
 * 5 publishes/s and 500 feed GETs/s through the balancers: no error seen by editors or readers, stories scheduled to
 * come out during article-service's restarts come out exactly once, the feed-service group splits the partitions
 * between its two members and takes them back without a duplicate reaching any feed, and both feed replicas serve a
 * new story within a second (the README's promise).
 */
final class ServiceRoll {

    private static final double PUBLISHES = 5;
    private static final double READS = 500;
    private static final int SCHEDULED = 10;
    private static final List<String> ORDER = List.of("article-1", "article-2", "media-1", "media-2", "feed-1", "feed-2");

    boolean run(Platform platform) throws Exception {
        Cluster cluster = new Cluster(platform);
        Report report = new Report("rolling restart of every service pair under " + PUBLISHES + " publishes/s and "
                + READS + " feed GETs/s");
        checkSplit(cluster, report, "before the restarts");
        Http http = new Http(Duration.ofSeconds(30));
        Newsdesk desk = new Newsdesk(platform, http);
        String run = Newsdesk.runId();
        String scheduledSection = "drill-scheduled-" + run;
        // due one every 8 s from 4 s after the load begins: through article-1's restart and the wait after it
        List<Newsdesk.Draft> scheduled = desk.drafts(run, scheduledSection, SCHEDULED);
        Instant first = Instant.now().plusMillis(ClusterLoad.WARM_UP_MILLIS).plusSeconds(4);
        for (int i = 0; i < scheduled.size(); i++) {
            Http.Reply reply = http.postJson(platform.articleUrl() + "/api/articles/" + scheduled.get(i).id() + "/publish",
                    Http.EDITOR, "{\"at\":\"" + first.plusSeconds(8L * i) + "\"}");
            if (reply.status() != 200) {
                throw new IllegalStateException("scheduling answered " + reply.status() + " " + reply.body());
            }
        }
        report.note("%d stories scheduled, due every 8 s from %s", SCHEDULED, first);
        // read before the load starts, so that a Deployment without the line stops the drill before anything restarts
        Map<String, Duration> warmUps = new TreeMap<>();
        for (String part : ORDER) {
            warmUps.put(part, minReady(platform, part));
        }
        ClusterLoad load = new ClusterLoad(platform, "service-roll", PUBLISHES, READS);
        try {
            Thread.sleep(2_000);
            for (String part : ORDER) {
                long stopping = load.second();
                Duration stop = cluster.stop(part);
                Duration begin = cluster.start(part);
                Duration warmUp = warmUps.get(part);
                report.note("%s: from the load's second %d, stopped in %.1f s, ready (and consuming) %.1f s after its "
                        + "start, then %d s serving before the next (minReadySeconds)", part, stopping,
                        stop.toMillis() / 1000.0, begin.toMillis() / 1000.0, warmUp.toSeconds());
                Thread.sleep(warmUp.toMillis());
            }
            Thread.sleep(5_000);
        } finally {
            load.close();
            for (String part : ORDER) {
                if (cluster.pid(part) < 0) {
                    cluster.start(part);
                }
            }
        }
        load.report(report);
        load.checkDelivered(report);
        checkScheduled(platform, cluster, report, http, scheduledSection,
                scheduled.stream().map(Newsdesk.Draft::id).collect(Collectors.toSet()));
        checkSplit(cluster, report, "after the restarts");
        checkBothReplicas(platform, cluster, report, desk, http, run);
        return report.passed();
    }

    /** The minReadySeconds of the part's Deployment in deploy/base: how long Kubernetes waits before the next pod. */
    private static Duration minReady(Platform platform, String part) throws IOException {
        String file = "deploy/base/" + part.substring(0, part.indexOf('-')) + "-service/deployment.yaml";
        JsonNode minReady = new YAMLMapper().readTree(platform.root.resolve(file).toFile()).path("spec")
                .path("minReadySeconds");
        if (!minReady.canConvertToInt()) {
            throw new IllegalStateException(file + " declares no minReadySeconds");
        }
        return Duration.ofSeconds(minReady.asInt());
    }

    /** Each scheduled story published once: one "published" event on the topic, once in every feed format. */
    private static void checkScheduled(Platform platform, Cluster cluster, Report report, Http http, String section,
            Set<String> ids) throws Exception {
        try (FeedWatcher feed = new FeedWatcher(platform, http, section)) {
            feed.awaitAll(ids);
            Map<String, String> once = feed.exactlyOnce(ids);
            report.check("scheduled during the restarts: each exactly once in RSS, Atom and JSON", once.isEmpty(),
                    once.isEmpty() ? ids.size() + " of " + ids.size() : once.toString());
        }
        Map<String, Long> publishedEvents = cluster.articleEvents(ids).stream()
                .filter(event -> event.type().endsWith(".published"))
                .collect(Collectors.groupingBy(Cluster.ArticleEvent::story, Collectors.counting()));
        long notOnce = ids.stream().filter(id -> publishedEvents.getOrDefault(id, 0L) != 1).count();
        report.zero("scheduled stories not fired exactly once (published events on the topic != 1)", notOnce);
    }

    /** Every partition of both topics held by exactly one member of feed-service's group, and each member holds some. */
    private static void checkSplit(Cluster cluster, Report report, String when) throws Exception {
        Map<String, List<TopicPartition>> assignment = cluster.feedAssignment();
        Map<TopicPartition, Integer> holders = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        assignment.values().stream().flatMap(Collection::stream).forEach(partition -> holders.merge(partition, 1, Integer::sum));
        Map<String, Long> perReplica = new TreeMap<>();
        assignment.forEach((member, partitions) -> perReplica.merge(member.replaceAll("-feed-service-.*", ""),
                (long) partitions.size(), Long::sum));
        boolean split = holders.size() == 12 && holders.values().stream().allMatch(count -> count == 1)
                && perReplica.size() == 2 && perReplica.values().stream().allMatch(count -> count > 0);
        report.check("feed-service group " + when + ": 12 partitions, each held once, both replicas holding",
                split, perReplica + ", " + holders.size() + " partitions held");
    }

    /** Stories published one by one, each timed until it is in the section feed of each feed replica, asked directly. */
    private static void checkBothReplicas(Platform platform, Cluster cluster, Report report, Newsdesk desk, Http http,
            String run) throws Exception {
        String section = "drill-replicas-" + run;
        List<Queue<Long>> latency = List.of(new ConcurrentLinkedQueue<>(), new ConcurrentLinkedQueue<>());
        List<Newsdesk.Draft> drafts = desk.drafts(run, section, 20);
        for (Newsdesk.Draft draft : drafts) {
            Http.Reply published = desk.publish(draft.id());
            long at = System.nanoTime();
            if (published.status() != 200) {
                throw new IllegalStateException("publish answered " + published.status());
            }
            List<Boolean> seen = new ArrayList<>(List.of(false, false));
            while (seen.contains(false) && System.nanoTime() - at < 10_000_000_000L) {
                for (int n = 1; n <= 2; n++) {
                    if (!seen.get(n - 1) && http.get(cluster.replicaUrl("feed", n) + "/feeds/sections/" + section
                            + "/rss.xml").body().contains(draft.id())) {
                        seen.set(n - 1, true);
                        latency.get(n - 1).add((System.nanoTime() - at) / 1_000_000);
                    }
                }
                Thread.sleep(5);
            }
        }
        for (int n = 1; n <= 2; n++) {
            Queue<Long> millis = latency.get(n - 1);
            report.note("feed-%d: publish -> story in its section feed, ms: %s (%d of %d seen)", n,
                    ClusterLoad.percentiles(millis), millis.size(), drafts.size());
            long slowest = millis.stream().mapToLong(Long::longValue).max().orElse(99_999);
            report.atMost("feed-" + n + ": slowest publish -> served (README: within a second)",
                    millis.size() < drafts.size() ? 999 : slowest / 1000.0, 1, "s");
        }
    }
}
