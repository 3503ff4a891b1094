import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Latency of the story list (GET /api/articles) as the editors' desk calls it: for each case, warm-up requests, then
 * requests one after the other on one keep-alive connection, each timed on the client (loopback, so it bounds the
 * server's time from above). Also the server's own mean from its http_server_requests timer. Plain JDK, no build:
 * "java StoryList.java --help".
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
        Map<String, String> options = options(args);
        if (options.containsKey("help")) {
            System.out.println("java StoryList.java [--url http://localhost:8081] [--requests 300] [--warmup 100]"
                    + " [--user editor:editor] [--service-pid N] [--db-parent N]");
            return;
        }
        String url = options.getOrDefault("url", "http://localhost:8081");
        int requests = Integer.parseInt(options.getOrDefault("requests", "300"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "100"));
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                options.getOrDefault("user", "editor:editor").getBytes(StandardCharsets.UTF_8));
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();

        String servicePid = options.get("service-pid");
        String dbParent = options.get("db-parent");
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
            long serviceTicks = ticks(servicePid);
            long dbTicks = dbTicks(dbParent);
            long[] nanos = new long[requests];
            HttpResponse<String> last = null;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                last = send(client, request);
                nanos[i] = System.nanoTime() - start;
            }
            double serviceCpu = (ticks(servicePid) - serviceTicks) * 10.0 / requests;
            double dbCpu = (dbTicks(dbParent) - dbTicks) * 10.0 / requests;
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

    /** utime + stime of a process, in clock ticks (USER_HZ = 100); 0 when not given or gone. */
    private static long ticks(String pid) {
        if (pid == null || pid.isBlank()) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid.strip(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The postmaster's and its children's (the connection backends') ticks. */
    private static long dbTicks(String parent) {
        if (parent == null || parent.isBlank()) {
            return 0;
        }
        return ProcessHandle.of(Long.parseLong(parent.strip()))
                .map(postmaster -> Stream.concat(Stream.of(postmaster), postmaster.children())
                        .mapToLong(process -> ticks(Long.toString(process.pid()))).sum())
                .orElse(0L);
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

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                options.put(args[i].substring(2), hasValue ? args[++i] : "");
            }
        }
        return options;
    }
}
