package dev.newsroom.bench.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The load a cluster drill runs under, through the balancers as users reach the platform: editors writing and
 * publishing a story every 1/rate s, each in the drill's section, and readers fetching feeds at a fixed rate (an open
 * model: a slow answer does not slow the next request down), conditionally as feed readers do (If-None-Match with
 * the last ETag: 304 while nothing changed, and gzip accepted). Every error either side sees is counted and kept. The
 * readers' GETs go through Vert.x's (Netty) client on one event loop: the JDK's HttpClient took 61 % of a core for
 * 440 GETs/s here (cluster-steady), a third of the two cores the drills measure the platform on.
 */
final class ClusterLoad implements AutoCloseable {

    /** At most this many feed GETs wait at once (and as many connections): beyond it the machine is saturated. */
    private static final int MAX_IN_FLIGHT = 256;
    /**
     * The readers run this long before the load begins, their figures kept apart: a freshly started generator (its
     * JIT, its first 256 connections through the balancer) saturated itself for the first two seconds of every run.
     */
    static final long WARM_UP_MILLIS = 5_000;
    /** A feed GET not answered within this is a reader's error. */
    private static final long READ_TIMEOUT_MILLIS = 10_000;

    private final Platform platform;
    private final Newsdesk desk;
    private final String run;
    private final String section;
    private final double publishRate;
    private final double readRate;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final ExecutorService editors = Executors.newFixedThreadPool(16);
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final HttpClient readerClient = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2_000)
            .setKeepAlive(true).setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(MAX_IN_FLIGHT));
    private final Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    private final Thread editorClock;
    private final Thread readerClock;

    /** Story id -> when its publish was acknowledged (System.nanoTime). */
    final Map<String, Long> published = new ConcurrentHashMap<>();
    final Queue<String> editorErrors = new ConcurrentLinkedQueue<>();
    final Queue<Long> publishMillis = new ConcurrentLinkedQueue<>();
    /** Feed GETs the open model's clock asked for (readRate a second, whatever the answers' latency). */
    final AtomicLong readsAsked = new AtomicLong();
    /** Feed GETs answered (any answer or error), and of those answered 200/304 (or 404 as below). */
    final AtomicLong reads = new AtomicLong();
    final AtomicLong readsServed = new AtomicLong();
    final AtomicLong readErrors = new AtomicLong();
    final AtomicLong readsNotSent = new AtomicLong();
    /** GETs not sent in each second of the load: when the machine saturated, to set beside the drill's steps. */
    private final Map<Long, AtomicLong> notSentBySecond = new ConcurrentHashMap<>();
    /** Reader errors by kind (the answer's status, or the failure's innermost exception and message) -> count. */
    final Map<String, AtomicLong> readErrorKinds = new ConcurrentHashMap<>();
    /** Reader errors in each second of the load they came in (a timeout 10 s after its GET), beside the steps. */
    private final Map<Long, AtomicLong> errorsBySecond = new ConcurrentHashMap<>();
    final Queue<Long> readMillis = new ConcurrentLinkedQueue<>();
    private final Map<String, String> etags = new ConcurrentHashMap<>();
    private volatile long startedNanos = System.nanoTime();
    private volatile boolean warming;
    private final AtomicLong warmUpNotSent = new AtomicLong();
    private final AtomicLong warmUpErrors = new AtomicLong();
    private volatile long stoppedNanos;

    ClusterLoad(Platform platform, String drill, double publishRate, double readRate) throws InterruptedException {
        this.platform = platform;
        this.desk = new Newsdesk(platform, new Http(Duration.ofSeconds(30)));
        this.run = Newsdesk.runId();
        this.section = "drill-" + drill + "-" + run;
        this.publishRate = publishRate;
        this.readRate = readRate;
        this.editorClock = new Thread(this::editors, "editors");
        this.readerClock = new Thread(this::readers, "readers");
        if (readRate > 0) {
            warming = true;
            readerClock.start();
            Thread.sleep(WARM_UP_MILLIS);
            warming = false;
        }
        startedNanos = System.nanoTime();
        editorClock.start();
    }

    String section() {
        return section;
    }

    /** The second of the load now: the time line its figures by second use, from 0 when the load began. */
    long second() {
        return (System.nanoTime() - startedNanos) / 1_000_000_000L;
    }

    private void editors() {
        Newsdesk.paced(publishRate, i -> running.get(), i -> {
            String headline = "Cluster drill " + run + " story " + i;
            editors.submit(() -> story(headline));
        });
    }

    private void story(String headline) {
        Http.Reply created = desk.create(headline, section);
        if (created.status() != 201) {
            editorErrors.add("create: " + describe(created));
            return;
        }
        String id;
        try {
            id = Newsdesk.JSON.readTree(created.body()).path("id").asText();
        } catch (Exception e) {
            editorErrors.add("create: unreadable answer " + created.body());
            return;
        }
        Http.Reply reply = desk.publish(id);
        publishMillis.add(reply.millis());
        if (reply.status() == 200) {
            published.put(id, System.nanoTime());
        } else {
            editorErrors.add("publish " + id + ": " + describe(reply));
        }
    }

    private void readers() {
        List<String> urls = List.of(platform.feedUrl() + "/feeds/rss.xml", platform.feedUrl() + "/feeds/atom.xml",
                platform.feedUrl() + "/feeds/feed.json", platform.feedUrl() + "/feeds/sections/" + section + "/rss.xml",
                platform.feedUrl() + "/");
        Newsdesk.paced(readRate, i -> running.get(), i -> {
            boolean warm = warming;
            if (!warm) {
                readsAsked.incrementAndGet();
            }
            if (!inFlight.tryAcquire()) {
                if (warm) {
                    warmUpNotSent.incrementAndGet();
                    return;
                }
                readsNotSent.incrementAndGet();
                notSentBySecond.computeIfAbsent(second(), second -> new AtomicLong()).incrementAndGet();
                return;
            }
            long sent = System.nanoTime();
            String url = urls.get((int) (i % urls.size()));
            MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Accept-Encoding", "gzip");
            String etag = etags.get(url);
            if (etag != null) {
                headers.add("If-None-Match", etag);
            }
            RequestOptions request = new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(url)
                    .setHeaders(headers).setIdleTimeout(READ_TIMEOUT_MILLIS);
            readerClient.request(request).compose(HttpClientRequest::send)
                    .compose(response -> response.end().map(done -> response))
                    .onComplete(answer -> {
                        inFlight.release();
                        long millis = (System.nanoTime() - sent) / 1_000_000;
                        int status = answer.succeeded() ? answer.result().statusCode() : 0;
                        if (answer.succeeded() && answer.result().getHeader("ETag") != null) {
                            etags.put(url, answer.result().getHeader("ETag"));
                        }
                        // 404: the drill's section before its first story is in (a section nobody has seen answers 404)
                        boolean fine = status == 200 || status == 304 || status == 404 && url.contains("/sections/");
                        if (warm) {
                            if (!fine || millis > READ_TIMEOUT_MILLIS) {
                                warmUpErrors.incrementAndGet();
                            }
                            return;
                        }
                        reads.incrementAndGet();
                        readMillis.add(millis);
                        if (fine && millis <= READ_TIMEOUT_MILLIS) {
                            readsServed.incrementAndGet();
                        } else {
                            readErrors.incrementAndGet();
                            String late = "answered after more than " + READ_TIMEOUT_MILLIS + " ms";
                            String kind = answer.failed() ? kind(answer.cause()) : fine ? late : "HTTP " + status;
                            readErrorKinds.computeIfAbsent(kind, key -> new AtomicLong()).incrementAndGet();
                            errorsBySecond.computeIfAbsent(second(), second -> new AtomicLong()).incrementAndGet();
                        }
                    });
        });
    }

    /** A failure as a kind: its innermost cause's class and message (a timeout, a reset, a connection closed...). */
    private static String kind(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static String describe(Http.Reply reply) {
        return reply.status() == 0 ? reply.error() : reply.status() + " " + reply.body().lines().findFirst().orElse("");
    }

    /** Stops sending; waits for the calls under way to end. */
    @Override
    public void close() throws InterruptedException {
        stoppedNanos = System.nanoTime();
        running.set(false);
        editorClock.interrupt();
        readerClock.interrupt();
        editors.shutdown();
        editors.awaitTermination(60, TimeUnit.SECONDS);
        inFlight.tryAcquire(MAX_IN_FLIGHT, 30, TimeUnit.SECONDS);
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    /**
     * Waits (up to a minute) until every acknowledged story is in the section's feeds, then checks each is there exactly
     * once in RSS, Atom and JSON Feed over all pages: nothing lost, nothing twice, nothing never acknowledged.
     */
    void checkDelivered(Report report) throws InterruptedException {
        Http http = new Http(Duration.ofSeconds(10));
        try (FeedWatcher feed = new FeedWatcher(platform, http, section)) {
            feed.awaitAll(published.keySet());
            Map<String, String> once = feed.exactlyOnce(published.keySet());
            report.zero("lost (acknowledged, not in the feed a minute later)",
                    published.keySet().stream().filter(id -> !feed.firstSeen().containsKey(id)).count());
            report.check("every story exactly once in RSS, Atom and JSON (all pages)", once.isEmpty(),
                    once.isEmpty() ? published.size() + " of " + published.size() + " in each" : once.toString());
        }
    }

    /** Prints the load's figures (rates over the time it sent) and checks its targets: no error on either side. */
    void report(Report report) {
        double seconds = ((stoppedNanos == 0 ? System.nanoTime() : stoppedNanos) - startedNanos) / 1e9;
        report.note("load over %.0f s: %d stories published (%.1f/s); feed GETs through the balancers: %d asked "
                + "(%.0f/s, the open model's %.0f/s), %d answered 200/304 (%.0f/s), %d answered otherwise or failed, "
                + "%d not sent", seconds, published.size(), published.size() / seconds, readsAsked.get(),
                readsAsked.get() / seconds, readRate, readsServed.get(), readsServed.get() / seconds,
                reads.get() - readsServed.get(), readsNotSent.get());
        report.note("publish call ms: %s; feed GET ms: %s", percentiles(publishMillis), percentiles(readMillis));
        if (readRate > 0) {
            report.note("readers' warm-up, %d s before the load (not counted): %d GETs not sent, %d errors",
                    WARM_UP_MILLIS / 1000, warmUpNotSent.get(), warmUpErrors.get());
        }
        report.zero("publish errors seen by editors (create or publish)", editorErrors.size());
        editorErrors.stream().limit(5).forEach(error -> report.note("  editor error: %s", error));
        report.zero("feed errors seen by readers (not 200/304, refused, reset, > 10 s)", readErrors.get());
        readErrorKinds.forEach((kind, count) -> report.note("  reader errors: %d x %s", count.get(), kind));
        if (!errorsBySecond.isEmpty()) {
            report.note("  reader errors in the load's seconds: %s", secondsAsRanges(new TreeMap<>(errorsBySecond)));
        }
        report.zero("feed GETs not sent: " + MAX_IN_FLIGHT + " already waiting (the machine saturated)", readsNotSent.get());
        if (!notSentBySecond.isEmpty()) {
            report.note("  not sent in the load's seconds: %s", secondsAsRanges(new TreeMap<>(notSentBySecond)));
        }
    }

    /** "12-14 (300), 85 (40)": runs of consecutive seconds, each with what it counted. */
    static String secondsAsRanges(SortedMap<Long, AtomicLong> bySecond) {
        StringBuilder ranges = new StringBuilder();
        long first = -2;
        long last = -2;
        long count = 0;
        for (Map.Entry<Long, AtomicLong> second : bySecond.entrySet()) {
            if (second.getKey() != last + 1 && last >= 0) {
                ranges.append(range(first, last, count)).append(", ");
                count = 0;
            }
            if (second.getKey() != last + 1) {
                first = second.getKey();
            }
            last = second.getKey();
            count += second.getValue().get();
        }
        return last < 0 ? "none" : ranges.append(range(first, last, count)).toString();
    }

    private static String range(long first, long last, long count) {
        return (first == last ? first + "" : first + "-" + last) + " (" + count + ")";
    }

    static String percentiles(Queue<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        if (sorted.isEmpty()) {
            return "none";
        }
        Collections.sort(sorted);
        return String.format("p50 %d, p99 %d, max %d", sorted.get((int) Math.ceil(0.5 * sorted.size()) - 1),
                sorted.get((int) Math.ceil(0.99 * sorted.size()) - 1), sorted.get(sorted.size() - 1));
    }
}
