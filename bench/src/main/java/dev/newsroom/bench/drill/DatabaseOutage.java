package dev.newsroom.bench.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * PostgreSQL frozen with SIGSTOP for 15 s (it hangs, refusing nothing), or restarted: under a steady load of
 * draft saves, feed and article-page reads and readiness probes, every request answers within 3 s, writes get 503
 * problem+json with Retry-After and leave nothing behind, readers keep getting the last good rendering, readiness
 * says DOWN within a second, and everything works again within 5 s of the database's return.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class DatabaseOutage {

    private static final int FREEZE_SECONDS = 15;
    private static final int AFTER_SECONDS = 10;
    private static final List<String> SERVICES = List.of("article", "media", "feed");

    /** One request of the load: what, when it started (nanoTime), how it went. */
    record Call(String kind, long at, Http.Reply reply, String headline) {
    }

    private final boolean restart;

    boolean run(Platform platform) throws Exception {
        Report report = new Report(restart ? "PostgreSQL restart" : "PostgreSQL frozen (SIGSTOP) for "
                + FREEZE_SECONDS + " s");
        Http http = new Http(Duration.ofSeconds(30));
        Newsdesk desk = new Newsdesk(platform, http);
        String run = Newsdesk.runId();
        String section = "drill-db-" + run;
        Newsdesk.Draft story = desk.drafts(run, section, 1).get(0);
        String slug = Newsdesk.slug(desk.publish(story.id()));
        String feedUrl = platform.feedUrl() + "/feeds/sections/" + section + "/rss.xml";
        String pageUrl = platform.feedUrl() + "/articles/" + slug;
        long visibleBy = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!http.get(feedUrl).body().contains(story.headline()) && System.nanoTime() < visibleBy) {
            Thread.sleep(100);
        }
        http.get(pageUrl);

        List<Call> calls = Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean loading = new AtomicBoolean(true);
        List<Thread> load = new ArrayList<>();
        load.add(loop("writes", 500, loading, () -> {
            String headline = "Drill " + run + " save " + System.nanoTime();
            calls.add(new Call("write", System.nanoTime(), desk.create(headline, section), headline));
        }));
        load.add(loop("feed reads", 200, loading, () -> calls.add(new Call("feed", System.nanoTime(),
                http.get(feedUrl), null))));
        load.add(loop("page reads", 200, loading, () -> calls.add(new Call("page", System.nanoTime(),
                http.get(pageUrl), null))));
        for (String service : SERVICES) {
            load.add(loop(service + " readiness", 250, loading, () -> calls.add(new Call("ready-" + service,
                    System.nanoTime(), http.get(platform.serviceUrl(service) + "/q/health/ready"), null))));
        }
        Thread.sleep(3_000);
        long faultAt = System.nanoTime();
        long backAt;
        List<Long> frozen = List.of();
        try {
            if (restart) {
                platform.stop("postgres");
                report.note("PostgreSQL stopped (pg_ctl -m fast) after %.1f s; starting it again",
                        (System.nanoTime() - faultAt) / 1e9);
                platform.start("postgres");
            } else {
                frozen = platform.postgresProcesses();
                Platform.signal("-STOP", frozen);
                report.note("PostgreSQL frozen: SIGSTOP to %d processes for %d s", frozen.size(), FREEZE_SECONDS);
                Thread.sleep(TimeUnit.SECONDS.toMillis(FREEZE_SECONDS));
                Platform.signal("-CONT", frozen);
            }
            backAt = System.nanoTime();
        } finally {
            if (!frozen.isEmpty()) {
                Platform.signal("-CONT", frozen);
            }
        }
        report.note("database away for %.1f s", (backAt - faultAt) / 1e9);
        Thread.sleep(TimeUnit.SECONDS.toMillis(AFTER_SECONDS));
        loading.set(false);
        for (Thread thread : load) {
            thread.join();
        }

        List<Call> during;
        List<Call> after;
        synchronized (calls) {
            during = calls.stream().filter(call -> call.at() >= faultAt && call.at() < backAt).toList();
            after = calls.stream().filter(call -> call.at() >= backAt).toList();
        }
        long slowest = calls.stream().filter(call -> call.at() >= faultAt - TimeUnit.SECONDS.toNanos(3))
                .mapToLong(call -> call.reply().millis()).max().orElse(0);
        report.note("%d requests while the database was away: %s", during.size(), summary(during));
        report.atMost("slowest answer to any request (outage and after)", slowest, 3_000, "ms");
        long badWrites = during.stream().filter(call -> call.kind().equals("write"))
                .filter(call -> call.reply().status() != 201 && !(call.reply().status() == 503
                        && "5".equals(call.reply().header("Retry-After"))
                        && String.valueOf(call.reply().header("Content-Type")).startsWith("application/problem+json")))
                .count();
        report.zero("writes answered other than 201 or 503 problem+json with Retry-After", badWrites);
        report.zero("feed and article-page reads not answered 200 (stale-if-error)", during.stream()
                .filter(call -> call.kind().equals("feed") || call.kind().equals("page"))
                .filter(call -> call.reply().status() != 200).count());
        report.atMost("slowest readiness answer", calls.stream().filter(call -> call.kind().startsWith("ready-"))
                .mapToLong(call -> call.reply().millis()).max().orElse(0), 1_000, "ms");
        for (String service : SERVICES) {
            boolean saidDown = during.stream().anyMatch(call -> call.kind().equals("ready-" + service)
                    && call.reply().status() == 503 && call.reply().body().contains("\"database\""));
            report.check(service + "-service readiness said DOWN (database)", saidDown, saidDown ? "yes" : "no");
        }
        report.atMost("database back -> all three ready and a save succeeds", recovery(after, backAt), 5, "s");
        long halfWritten = 0;
        for (Call write : during) {
            if (write.kind().equals("write") && write.reply().status() == 503) {
                Http.Reply found = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                        platform.articleUrl() + "/api/articles?q=" + java.net.URLEncoder.encode(write.headline(),
                                java.nio.charset.StandardCharsets.UTF_8).replace("+", "%20")))
                        .header("Authorization", Http.WRITER).timeout(Duration.ofSeconds(10)).GET().build());
                if (found.status() != 200 || !found.body().contains("\"items\":[]")) {
                    halfWritten++;
                }
            }
        }
        report.zero("saves answered 503 that were stored anyway", halfWritten);
        return report.passed();
    }

    /** Seconds from the database's return until every service is ready and a save succeeds (and stays so). */
    private static double recovery(List<Call> after, long backAt) {
        long lastBad = after.stream().filter(call -> call.kind().startsWith("ready-") || call.kind().equals("write"))
                .filter(call -> !call.reply().ok()).mapToLong(call -> call.at() + call.reply().millis() * 1_000_000)
                .max().orElse(backAt);
        return Math.max(0, lastBad - backAt) / 1e9;
    }

    private static String summary(List<Call> calls) {
        Map<String, Map<Integer, Long>> byKind = new java.util.TreeMap<>();
        for (Call call : calls) {
            byKind.computeIfAbsent(call.kind(), kind -> new java.util.TreeMap<>())
                    .merge(call.reply().status(), 1L, Long::sum);
        }
        return byKind.toString();
    }

    private static Thread loop(String name, long everyMillis, AtomicBoolean running, Runnable call) {
        Thread thread = new Thread(() -> {
            long next = System.nanoTime();
            while (running.get()) {
                call.run();
                next += TimeUnit.MILLISECONDS.toNanos(everyMillis);
                try {
                    Newsdesk.sleepUntil(next);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.start();
        return thread;
    }
}
