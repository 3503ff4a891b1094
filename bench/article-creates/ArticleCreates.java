import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model load generator for article creates: POST /api/articles at a constant rate, each request timed from the
 * moment the schedule says it should have been sent (not when it was), so a slow server cannot hide its queueing
 * behind a slower client (no coordinated omission). Run with "java ArticleCreates.java --help"; plain JDK, no build.
 */
public final class ArticleCreates {

    private static final int MAX_IN_FLIGHT = 1024;

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        if (options.containsKey("help")) {
            System.out.println("java ArticleCreates.java [--url http://localhost:8081] [--rate 1000] [--duration 60]"
                    + " [--warmup 20] [--user writer:writer] [--service-pid N] [--db-parent N]");
            return;
        }
        String url = options.getOrDefault("url", "http://localhost:8081") + "/api/articles";
        double rate = Double.parseDouble(options.getOrDefault("rate", "1000"));
        int duration = Integer.parseInt(options.getOrDefault("duration", "60"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "20"));
        String auth = "Basic " + Base64.getEncoder().encodeToString(
                options.getOrDefault("user", "writer:writer").getBytes(StandardCharsets.UTF_8));
        String run = Long.toString(System.currentTimeMillis() % 1_000_000_000L, 36);

        HttpClient client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2))
                .build();

        System.out.printf(Locale.ROOT, "article creates: %s, %.0f/s, warm-up %d s, measured %d s%n", url, rate,
                warmup, duration);
        if (warmup > 0) {
            Phase warm = new Phase(client, url, auth, run + "w", rate, warmup);
            warm.run();
            System.out.printf(Locale.ROOT, "warm-up: %s%n", warm.summary());
        }
        Cpu cpu = new Cpu(options.get("service-pid"), options.get("db-parent"));
        Phase measured = new Phase(client, url, auth, run + "m", rate, duration);
        measured.run();
        System.out.println();
        System.out.println(measured.report());
        System.out.println(cpu.report(measured.elapsedSeconds()));
        System.exit(0);
    }

    /** One stretch of constant-rate load and what came back. */
    static final class Phase {
        private final HttpClient client;
        private final String url;
        private final String auth;
        private final String run;
        private final long periodNanos;
        private final int count;
        private final long[] latencies;
        private final int[] statuses;
        private final Map<String, AtomicLong> errors = new ConcurrentHashMap<>();
        private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
        private final AtomicLong behind = new AtomicLong();
        private long start;
        private long end;

        Phase(HttpClient client, String url, String auth, String run, double rate, int seconds) {
            this.client = client;
            this.url = url;
            this.auth = auth;
            this.run = run;
            this.periodNanos = (long) (1_000_000_000L / rate);
            this.count = (int) (rate * seconds);
            this.latencies = new long[count];
            this.statuses = new int[count];
        }

        void run() throws InterruptedException {
            CountDownLatch done = new CountDownLatch(count);
            start = System.nanoTime() + 50_000_000L;
            for (int i = 0; i < count; i++) {
                long intended = start + i * periodNanos;
                long wait = intended - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -10_000_000L) {
                    behind.incrementAndGet(); // the generator itself is late; the latency still counts from intended
                }
                inFlight.acquire();
                int index = i;
                client.sendAsync(request(i), HttpResponse.BodyHandlers.discarding())
                        .whenComplete((response, failure) -> {
                            latencies[index] = System.nanoTime() - intended;
                            statuses[index] = failure == null ? response.statusCode() : -1;
                            if (failure != null) {
                                errors.computeIfAbsent(failure.getClass().getSimpleName(), k -> new AtomicLong())
                                        .incrementAndGet();
                            }
                            inFlight.release();
                            done.countDown();
                        });
            }
            if (!done.await(60, TimeUnit.SECONDS)) {
                errors.computeIfAbsent("no answer within 60 s", k -> new AtomicLong()).addAndGet(done.getCount());
            }
            end = System.nanoTime();
        }

        private HttpRequest request(int i) {
            String json = """
                    {"headline": "Council approves harbour budget, story %s-%d",
                     "summary": "The vote ends a year of debate over the waterfront.",
                     "body": "%s",
                     "section": "bench", "tags": ["harbour", "budget", "council"],
                     "authors": [{"name": "Bench Writer"}], "language": "en"}
                    """.formatted(run, i, BODY);
            return HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(30))
                    .header("Authorization", auth)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json))
                    .build();
        }

        double elapsedSeconds() {
            return (end - start) / 1e9;
        }

        String summary() {
            long created = Arrays.stream(statuses).filter(status -> status == 201).count();
            return String.format(Locale.ROOT, "%d sent, %d created, %.0f/s achieved", count, created,
                    created / elapsedSeconds());
        }

        String report() {
            long created = Arrays.stream(statuses).filter(status -> status == 201).count();
            Map<Integer, Long> byStatus = new TreeMap<>();
            for (int status : statuses) {
                byStatus.merge(status, 1L, Long::sum);
            }
            long[] sorted = latencies.clone();
            Arrays.sort(sorted);
            StringBuilder out = new StringBuilder();
            out.append(String.format(Locale.ROOT, "offered   %.0f/s for %.1f s (%d requests)%n",
                    1e9 / periodNanos, count * periodNanos / 1e9, count));
            out.append(String.format(Locale.ROOT, "achieved  %.0f creates/s (201s over first send to last answer,"
                    + " %.1f s)%n", created / elapsedSeconds(), elapsedSeconds()));
            out.append("statuses  ").append(byStatus).append(errors.isEmpty() ? "" : "  errors " + errors)
                    .append(behind.get() > 0 ? "  generator late >10 ms: " + behind.get() : "").append('\n');
            out.append(String.format(Locale.ROOT, "latency   p50 %.1f ms  p90 %.1f ms  p99 %.1f ms  p99.9 %.1f ms"
                    + "  max %.1f ms  (from the intended send time)", ms(sorted, 0.50), ms(sorted, 0.90),
                    ms(sorted, 0.99), ms(sorted, 0.999), sorted[sorted.length - 1] / 1e6));
            return out.toString();
        }

        private static double ms(long[] sorted, double quantile) {
            int index = (int) Math.ceil(quantile * sorted.length) - 1;
            return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
        }
    }

    /** CPU seconds used by the service, PostgreSQL and this generator over the measured phase, from /proc. */
    static final class Cpu {
        private final String servicePid;
        private final String dbParent;
        private final long serviceBefore;
        private final Map<Long, Long> dbBefore = new TreeMap<>();
        private final long selfBefore;
        private final long[] systemBefore;

        Cpu(String servicePid, String dbParent) {
            this.servicePid = servicePid;
            this.dbParent = dbParent;
            this.serviceBefore = ticks(servicePid);
            for (long pid : dbProcesses()) {
                dbBefore.put(pid, ticks(Long.toString(pid)));
            }
            this.selfBefore = ticks(Long.toString(ProcessHandle.current().pid()));
            this.systemBefore = system();
        }

        String report(double seconds) {
            double service = (ticks(servicePid) - serviceBefore) / 100.0 / seconds;
            long dbTicks = 0;
            for (long pid : dbProcesses()) {
                dbTicks += ticks(Long.toString(pid)) - dbBefore.getOrDefault(pid, 0L);
            }
            double db = dbTicks / 100.0 / seconds;
            double self = (ticks(Long.toString(ProcessHandle.current().pid())) - selfBefore) / 100.0 / seconds;
            long[] after = system();
            double busy = 1.0 - (double) (after[1] - systemBefore[1]) / Math.max(1, after[0] - systemBefore[0]);
            return String.format(Locale.ROOT, "cpu       article-service %.2f cores, postgres %.2f cores, this "
                    + "generator %.2f cores; machine %.0f%% busy of %d cores", service, db, self, busy * 100,
                    Runtime.getRuntime().availableProcessors());
        }

        /** The postmaster and its children (connection backends, WAL writer...). */
        private long[] dbProcesses() {
            if (dbParent == null || dbParent.isBlank()) {
                return new long[0];
            }
            return ProcessHandle.of(Long.parseLong(dbParent.strip()))
                    .map(parent -> java.util.stream.Stream.concat(java.util.stream.Stream.of(parent),
                            parent.children()).mapToLong(ProcessHandle::pid).toArray())
                    .orElse(new long[0]);
        }

        /** utime + stime of a process and its reaped children, in clock ticks (USER_HZ = 100). */
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

        /** Total and idle jiffies of the machine. */
        private static long[] system() {
            try {
                String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < cpu.length; i++) {
                    total += Long.parseLong(cpu[i]);
                }
                return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
            } catch (IOException | RuntimeException e) {
                return new long[] {0, 0};
            }
        }
    }

    /** About 1.5 KB of article HTML, within the allow-list, so the sanitizer does its full work but removes nothing. */
    private static final String BODY = ("<p>The city council voted 31 to 20 on Tuesday to approve the harbour budget,"
            + " ending a year of debate over how to pay for the new sea wall and the ferry terminal.</p>"
            + "<p>Supporters said the plan would protect <strong>1,200 homes</strong> from flooding. Opponents argued"
            + " that the <em>costs were understated</em> and asked for an independent review.</p>"
            + "<h2>What happens next</h2><p>Work on the sea wall starts in spring. The full budget is published on"
            + " <a href=\\\"https://example.com/budget\\\">the council's website</a>.</p>"
            + "<blockquote><p>We have waited long enough, said the harbour master.</p></blockquote>"
            + "<ul><li>Sea wall: 40 million</li><li>Ferry terminal: 25 million</li><li>Dredging: 8 million</li></ul>"
            + "<p>The council will review progress every quarter, and residents can follow the works online. A public"
            + " meeting is planned for March, where engineers will present the final design of the wall.</p>");

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) {
                String name = args[i].substring(2);
                boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
                options.put(name, hasValue ? args[++i] : "true");
            }
        }
        return options;
    }
}
