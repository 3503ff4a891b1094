package dev.newsroom.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Latency of the story list (GET /api/articles) as the editors' desk calls it: for each case, warm-up requests, then
 * requests one after the other on one keep-alive connection, each timed on the client (loopback, so it bounds the
 * server's time from above). Also the server's own mean from its http_server_requests timer. Run by bench/story-list.sh
 * (--help for the options).
 */
public final class StoryList {

    /** The cases: what an editor's desk asks for most, and searches of words rare, medium and common in the seed. */
    private static final Map<String, String> CASES = new LinkedHashMap<>();

    static {
        CASES.put("first page, no filter", "");
        CASES.put("status=PUBLISHED", "status=PUBLISHED");
        CASES.put("section=politics", "section=politics");
        CASES.put("status=DRAFT&section=economy", "status=DRAFT&section=economy");
        CASES.put("author=Ana Ruiz", "author=" + encode("Ana Ruiz"));
        CASES.put("page 100 (stories 2,001-2,020)", "page=100");
        CASES.put("q=lighthouse (0.1 %)", "q=lighthouse");
        CASES.put("q=harbour (2 %)", "q=harbour");
        CASES.put("q=\"city council\" (1 %)", "q=" + encode("\"city council\""));
        CASES.put("q=council (20 %)", "q=council");
        CASES.put("q=council -harbour (20 %)", "q=" + encode("council -harbour"));
        CASES.put("q=harbour&status=PUBLISHED", "q=harbour&status=PUBLISHED");
    }

    public static void main(String[] args) throws Exception {
        Args options = new Args(args);
        if (options.help("StoryList [--url http://localhost:8081] [--requests 300] [--warmup 100]"
                + " [--user editor:editor] [--service-pid N] [--db-parent N]")) {
            return;
        }
        String url = options.get("url", "http://localhost:8081");
        int requests = options.integer("requests", 300);
        int warmup = options.integer("warmup", 100);
        String auth = BasicAuthorization.of(options.get("user", "editor:editor"));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        String servicePid = options.get("service-pid", null);
        String dbParent = options.get("db-parent", null);
        System.out.printf(Locale.ROOT, "GET %s/api/articles, %d warm-up + %d measured requests per case, one at a"
                + " time; client time on loopback; server mean from http_server_requests%n", url, warmup, requests);
        System.out.printf(Locale.ROOT, "%-34s %7s %7s %7s %7s %7s %7s %7s %7s %6s%n", "case", "total", "p50", "p95",
                "p99", "max", "server", "cpu-svc", "cpu-db", "bytes");
        for (Map.Entry<String, String> entry : CASES.entrySet()) {
            URI uri = URI.create(url + "/api/articles" + (entry.getValue().isEmpty() ? "" : "?" + entry.getValue()));
            HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", auth)
                    .timeout(Duration.ofSeconds(30)).GET().build();
            for (int i = 0; i < warmup; i++) {
                send(client, request);
            }
            double[] server = serverTimer(client, url);
            CpuMeter cpu = new CpuMeter(servicePid, dbParent);
            long[] nanos = new long[requests];
            HttpResponse<String> last = null;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                last = send(client, request);
                nanos[i] = System.nanoTime() - start;
            }
            double serviceCpu = cpu.serviceSeconds() * 1000 / requests;
            double dbCpu = cpu.dbSeconds() * 1000 / requests;
            double[] serverAfter = serverTimer(client, url);
            Arrays.sort(nanos);
            double serverMean = (serverAfter[1] - server[1]) / (serverAfter[0] - server[0]) * 1000;
            System.out.printf(Locale.ROOT, "%-34s %7s %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %7.1f %6d%n",
                    entry.getKey(), total(last.body()), ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                    nanos[nanos.length - 1] / 1e6, serverMean, serviceCpu, dbCpu, last.body().length());
        }
        System.out.println("(times in ms; total = stories matching; server = the service's own mean; cpu-svc and"
                + " cpu-db = CPU time per request of article-service and of PostgreSQL, which bounds the time on an idle"
                + " machine; bytes = size of the page's JSON)");
    }

    private static HttpResponse<String> send(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.uri() + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return response;
    }

    /** count and sum (seconds) of the server's timer for the list, summed over its tags. */
    private static double[] serverTimer(HttpClient client, String url) throws Exception {
        String metrics = client.send(HttpRequest.newBuilder(URI.create(url + "/q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        double count = 0;
        double sum = 0;
        Pattern line = Pattern.compile("^http_server_requests_seconds_(count|sum)\\{([^}]*)\\} (\\S+)$",
                Pattern.MULTILINE);
        Matcher matcher = line.matcher(metrics);
        while (matcher.find()) {
            String tags = matcher.group(2);
            if (tags.contains("method=\"GET\"") && tags.contains("uri=\"/api/articles\"")
                    && tags.contains("status=\"200\"")) {
                double value = Double.parseDouble(matcher.group(3));
                if (matcher.group(1).equals("count")) {
                    count += value;
                } else {
                    sum += value;
                }
            }
        }
        return new double[] {count, sum};
    }

    private static String total(String json) {
        Matcher matcher = Pattern.compile("\"total\":(\\d+)").matcher(json);
        return matcher.find() ? matcher.group(1) : "?";
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
