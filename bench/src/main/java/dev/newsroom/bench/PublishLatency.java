package dev.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Publish -> visible: publishes articles through article-service at a fixed rate and polls each feed kind in a
 * tight loop of conditional GETs (If-None-Match) until the article shows; reports percentiles measured from the
 * moment the publish call returned and from the moment it started.
 */
public final class PublishLatency {

    private record Pending(long started, long returned) {
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String articles;
    private final String feeds;
    private final String authorization;

    private PublishLatency(String articles, String feeds, String user) {
        this.articles = articles;
        this.feeds = feeds;
        this.authorization = BasicAuthorization.of(user);
    }

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        int count = args.integer("count", 500);
        double rate = args.decimal("rate", 5);
        List<String> kinds = List.of(args.get("feeds", "rss").split(","));
        long pauseMicros = (long) (args.decimal("poll-pause-ms", 1) * 1000);
        PublishLatency bench = new PublishLatency(args.get("article-url", "http://127.0.0.1:8081"),
                args.get("feed-url", "http://127.0.0.1:8083"), args.get("user", "editor:editor"));
        bench.run(count, rate, kinds, pauseMicros, args.integer("warmup", 10));
    }

    private void run(int count, double rate, List<String> kinds, long pauseMicros, int warmup) throws Exception {
        String run = Long.toString(System.currentTimeMillis() % 1_000_000, 36);
        System.out.printf("creating %d drafts (run %s)...%n", count + warmup, run);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count + warmup; i++) {
            ids.add(draft(run, i));
        }
        Map<String, String> files = Map.of("rss", "rss.xml", "atom", "atom.xml", "json", "feed.json");
        Map<String, Map<String, Pending>> pending = new LinkedHashMap<>();
        Map<String, List<double[]>> seen = new LinkedHashMap<>();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> pollers = new ArrayList<>();
        for (String kind : kinds) {
            Map<String, Pending> waiting = new ConcurrentHashMap<>();
            List<double[]> latencies = Collections.synchronizedList(new ArrayList<>());
            pending.put(kind, waiting);
            seen.put(kind, latencies);
            String url = feeds + "/feeds/" + files.get(kind);
            Thread poller = new Thread(() -> poll(url, waiting, latencies, stop, pauseMicros), "poll-" + kind);
            poller.start();
            pollers.add(poller);
        }
        long interval = (long) (1_000_000_000L / rate);
        List<Double> publishCalls = new ArrayList<>();
        System.out.printf("publishing %d articles at %.1f/s (after %d unmeasured), polling %s%n", count, rate,
                warmup, kinds);
        long next = System.nanoTime();
        for (int i = 0; i < ids.size(); i++) {
            long wait = next - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            next += interval;
            String token = token(run, i);
            long started = System.nanoTime();
            publish(ids.get(i));
            long returned = System.nanoTime();
            if (i >= warmup) {
                publishCalls.add((returned - started) / 1e6);
                for (Map<String, Pending> waiting : pending.values()) {
                    waiting.put(token, new Pending(started, returned));
                }
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (pending.values().stream().anyMatch(waiting -> !waiting.isEmpty()) && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        stop.set(true);
        for (Thread poller : pollers) {
            poller.join();
        }

        System.out.printf("%npublish call (POST /api/articles/{id}/publish):  %s%n", Stats.of(publishCalls).line());
        for (String kind : kinds) {
            List<double[]> latencies = seen.get(kind);
            System.out.printf("%-4s visible after the call returned:         %s%n", kind,
                    Stats.of(latencies.stream().map(pair -> pair[0]).toList()).line());
            System.out.printf("%-4s visible after the call started:          %s%n", kind,
                    Stats.of(latencies.stream().map(pair -> pair[1]).toList()).line());
            if (!pending.get(kind).isEmpty()) {
                System.out.printf("%-4s NOT visible within 30 s: %d articles%n", kind, pending.get(kind).size());
            }
        }
    }

    /** One reader polling as tightly as the pause allows; every new version of the feed resolves what it shows. */
    private void poll(String url, Map<String, Pending> waiting, List<double[]> latencies, AtomicBoolean stop,
            long pauseMicros) {
        String etag = null;
        while (!stop.get()) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
                if (etag != null) {
                    request.header("If-None-Match", etag);
                }
                HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
                long now = System.nanoTime();
                if (response.statusCode() == 200) {
                    etag = response.headers().firstValue("ETag").orElse(null);
                    String body = response.body();
                    for (var entry : waiting.entrySet()) {
                        if (body.contains(entry.getKey())) {
                            Pending at = entry.getValue();
                            latencies.add(new double[] {(now - at.returned()) / 1e6, (now - at.started()) / 1e6});
                            waiting.remove(entry.getKey());
                        }
                    }
                }
                if (pauseMicros > 0) {
                    TimeUnit.MICROSECONDS.sleep(pauseMicros);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                System.out.println("poll failed: " + e.getMessage());
            }
        }
    }

    private static String token(String run, int i) {
        return "bench " + run + " no " + i + ".";
    }

    private String draft(String run, int i) throws Exception {
        String body = Events.json(Map.of(
                "headline", "Publish latency " + token(run, i),
                "summary", "A short article published by the publish-latency benchmark.",
                "body", "<p>Short body of a benchmark article.</p>",
                "section", "bench",
                "tags", List.of("bench"),
                "authors", List.of(Map.of("name", "Bench"))));
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(articles + "/api/articles"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("creating a draft answered " + response.statusCode() + ": "
                    + response.body());
        }
        JsonNode created = Events.JSON.readTree(response.body());
        return created.path("id").asText();
    }

    private void publish(String id) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                        URI.create(articles + "/api/articles/" + id + "/publish"))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IllegalStateException("publishing answered " + response.statusCode() + ": " + response.body());
        }
    }
}
