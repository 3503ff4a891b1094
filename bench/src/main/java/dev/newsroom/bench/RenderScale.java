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

/**
 * Rendering cost against the size of the read model: the same feed pages are rendered with 100 articles stored and
 * then with 100,000, each render forced by dropping the service's rendered feeds (a NOTIFY, as another replica
 * would send) before the GET. Reports the client-side time of those GETs and the server-side render timer.
 */
public final class RenderScale {

    private static final List<String> PATHS = List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json",
            "/feeds/sections/section-3/rss.xml", "/feeds/tags/tag-7/atom.xml", "/feeds/rss.xml?page=2");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        new RenderScale().run(args.get("feed-url", "http://127.0.0.1:8093"),
                args.get("jdbc", "jdbc:postgresql://127.0.0.1:5432/newsroom_bench"), args.get("run", "render"),
                List.of(args.get("sizes", "100,100000").split(",")), args.integer("rounds", 100));
    }

    private void run(String feeds, String jdbc, String run, List<String> sizes, int rounds) throws Exception {
        List<Map<String, Stats>> results = new ArrayList<>();
        for (String size : sizes) {
            int total = Integer.parseInt(size);
            long seedStart = System.nanoTime();
            ReadModelSeed.seed(jdbc, run, total);
            System.out.printf("read model holds %,d articles (seeded in %.1f s)%n", total,
                    (System.nanoTime() - seedStart) / 1e9);
            Map<String, Stats> bySize = new LinkedHashMap<>();
            try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
                for (String path : PATHS) {
                    measure(feeds, path, db, 30); // warm-up of every path first: JIT, plans, connections
                }
                for (String path : PATHS) {
                    String format = path.replaceAll(".*/([a-z]+\\.[a-z]+).*", "$1");
                    double[] before = renderTimer(feeds, format);
                    Stats stats = Stats.of(measure(feeds, path, db, rounds));
                    double[] after = renderTimer(feeds, format);
                    bySize.put(path, stats);
                    System.out.printf("  %-36s uncached GET %s | server render mean %.1f ms over %d%n", path,
                            stats.line(), (after[0] - before[0]) * 1000 / Math.max(1, after[1] - before[1]),
                            (long) (after[1] - before[1]));
                }
            }
            results.add(bySize);
        }
        int largest = sizes.indexOf(sizes.stream().max((a, b) -> Integer.parseInt(a) - Integer.parseInt(b))
                .orElseThrow());
        for (int i = 0; i < sizes.size(); i++) {
            if (i == largest) {
                continue;
            }
            System.out.printf("%nratio of medians, %s vs %s articles (run %d):%n", sizes.get(largest), sizes.get(i),
                    i + 1);
            for (String path : PATHS) {
                double small = results.get(i).get(path).p50();
                double large = results.get(largest).get(path).p50();
                System.out.printf("  %-36s %.2fx  (%.1f ms -> %.1f ms)%n", path, large / small, small, large);
            }
        }
    }

    /** Sum (seconds) and count of the service's newsroom.feed.render timer for one format. */
    private double[] renderTimer(String feeds, String format) throws Exception {
        String metrics = http.send(HttpRequest.newBuilder(URI.create(feeds + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double[] sumAndCount = new double[2];
        for (String line : metrics.split("\n")) {
            String labels = "{format=\"" + format + "\"}";
            if (line.startsWith("newsroom_feed_render_seconds_sum" + labels)) {
                sumAndCount[0] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            } else if (line.startsWith("newsroom_feed_render_seconds_count" + labels)) {
                sumAndCount[1] = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
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
