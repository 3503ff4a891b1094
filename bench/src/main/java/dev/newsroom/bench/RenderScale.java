package dev.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Rendering cost against the size of the read model: the same feed pages are rendered with 100 articles stored and
 * then with 100,000, each render forced by dropping the service's rendered feeds (a NOTIFY, as another replica
 * would send) before the GET. Reports the client-side time of those GETs and the server-side render timer.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class RenderScale {

    /** Every page holds 50 items at every size (see Events.section and Events.firstTag). */
    private static final List<String> FEED_PATHS = List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json",
            "/feeds/sections/section-0/rss.xml", "/feeds/tags/tag-0/atom.xml", "/feeds/rss.xml?page=2");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<String> paths;

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String paths = args.get("paths", "");
        new RenderScale(paths.isEmpty() ? FEED_PATHS : List.of(paths.split(",")))
                .run(args.get("feed-url", "http://127.0.0.1:8093"),
                args.get("jdbc", "jdbc:postgresql://127.0.0.1:5432/newsroom_bench"), args.get("run", "render"),
                List.of(args.get("sizes", "100,100000").split(",")), args.integer("rounds", 100));
    }

    private void run(String feeds, String jdbc, String run, List<String> sizes, int rounds) throws Exception {
        // samples pooled per size: sizes alternate (100, 100000, 100, ...) so JIT warm-up and the machine's load
        // over time weigh on both alike
        Map<String, Map<String, List<Double>>> pooled = new LinkedHashMap<>();
        for (String size : sizes) {
            int total = Integer.parseInt(size);
            long seedStart = System.nanoTime();
            ReadModelSeed.seed(jdbc, run, total);
            System.out.printf("read model holds %,d articles (seeded in %.1f s)%n", total,
                    (System.nanoTime() - seedStart) / 1e9);
            try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
                for (String path : paths) {
                    measure(feeds, path, db, 30); // warm-up of every path first: JIT, plans, connections
                }
                for (String path : paths) {
                    double[] before = renderTimer(feeds, path);
                    List<Double> samples = measure(feeds, path, db, rounds);
                    Stats stats = Stats.of(samples);
                    double[] after = renderTimer(feeds, path);
                    pooled.computeIfAbsent(size, s -> new LinkedHashMap<>())
                            .computeIfAbsent(path, p -> new ArrayList<>()).addAll(samples);
                    System.out.printf("  %-36s uncached GET %s | server render mean %.1f ms over %d%n", path,
                            stats.line(), (after[0] - before[0]) * 1000 / Math.max(1, after[1] - before[1]),
                            (long) (after[1] - before[1]));
                }
            }
        }
        List<String> distinct = new ArrayList<>(pooled.keySet());
        if (distinct.size() == 2) {
            String small = distinct.get(0);
            String large = distinct.get(1);
            System.out.printf("%nall samples pooled per size: median uncached GET, %s vs %s articles%n", large, small);
            for (String path : paths) {
                Stats few = Stats.of(pooled.get(small).get(path));
                Stats many = Stats.of(pooled.get(large).get(path));
                System.out.printf("  %-36s %.2fx  (%.1f ms -> %.1f ms; p95 %.1f ms -> %.1f ms)%n", path,
                        many.p50() / few.p50(), few.p50(), many.p50(), few.p95(), many.p95());
            }
        }
    }

    /**
     * Sum (seconds) and count of the service's render timer for path: newsroom.feed.render of the feed's format, or
     * newsroom.site.render for pages and sitemaps.
     */
    private double[] renderTimer(String feeds, String path) throws Exception {
        boolean feed = path.startsWith("/feeds/");
        String name = feed ? "newsroom_feed_render_seconds_" : "newsroom_site_render_seconds_";
        String label = feed ? "format=\"" + path.replaceAll(".*/([a-z]+\\.[a-z]+).*", "$1") + "\"" : "";
        String metrics = http.send(HttpRequest.newBuilder(URI.create(feeds + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double[] sumAndCount = new double[2];
        for (String line : metrics.split("\n")) {
            boolean sum = line.startsWith(name + "sum");
            if (!sum && !line.startsWith(name + "count")) {
                continue;
            }
            // name{labels} value [# exemplar]: the labels hold the application's name besides the format
            String series = line.substring(0, line.indexOf(line.contains("}") ? '}' : ' ') + 1);
            if (series.contains(label)) {
                sumAndCount[sum ? 0 : 1] += Double.parseDouble(line.substring(series.length()).trim().split(" ")[0]);
            }
        }
        return sumAndCount;
    }

    private List<Double> measure(String feeds, String path, Connection db, int rounds) throws Exception {
        List<Double> millis = new ArrayList<>();
        HttpRequest request = HttpRequest.newBuilder(URI.create(feeds + path)).build();
        for (int i = 0; i < rounds; i++) {
            ReadModelSeed.invalidate(db);
            TimeUnit.MILLISECONDS.sleep(20); // the notice reaches the service's listener
            long start = System.nanoTime();
            HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
            millis.add((System.nanoTime() - start) / 1e6);
            if (response.statusCode() != 200) {
                throw new IllegalStateException(path + " answered " + response.statusCode());
            }
        }
        return millis;
    }
}
