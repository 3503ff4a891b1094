package dev.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
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
 * behind a slower client (no coordinated omission). Run by bench/article-creates.sh (--help for the options).
 */
public final class ArticleCreates {

    private static final int MAX_IN_FLIGHT = 1024;

    public static void main(String[] args) throws Exception {
        Args options = new Args(args);
        if (options.help("ArticleCreates [--url http://localhost:8081] [--rate 1000] [--duration 60]"
                + " [--warmup 20] [--user writer:writer] [--service-pid N] [--db-parent N]")) {
            return;
        }
        String url = options.get("url", "http://localhost:8081") + "/api/articles";
        double rate = options.decimal("rate", 1000);
        int duration = options.integer("duration", 60);
        int warmup = options.integer("warmup", 20);
        String auth = BasicAuthorization.of(options.get("user", "writer:writer"));
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
        CpuMeter cpu = new CpuMeter(options.get("service-pid", null), options.get("db-parent", null));
        Phase measured = new Phase(client, url, auth, run + "m", rate, duration);
        measured.run();
        System.out.println();
        System.out.println(measured.report());
        System.out.println(cpuReport(cpu, measured.elapsedSeconds()));
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

    private static String cpuReport(CpuMeter cpu, double seconds) {
        return String.format(Locale.ROOT, "cpu       article-service %.2f cores, postgres %.2f cores, this "
                + "generator %.2f cores; machine %.0f%% busy of %d cores", cpu.serviceSeconds() / seconds,
                cpu.dbSeconds() / seconds, cpu.selfSeconds() / seconds, cpu.machineBusy() * 100,
                Runtime.getRuntime().availableProcessors());
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
}
