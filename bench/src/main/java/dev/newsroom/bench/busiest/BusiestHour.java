package dev.newsroom.bench.busiest;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.HdrHistogram.Histogram;

import dev.newsroom.bench.Args;

/**
 * The busiest hour: everything a newsroom does at once, against the running platform, for a fixed time. Editors
 * save drafts, the desk publishes, corrects and unpublishes, the picture desk uploads photos, feed readers poll the
 * feeds with conditional GETs and people read story pages, each part on its own fixed-rate schedule (open model,
 * latency from the due time). Prints per part throughput, latency percentiles and errors, publish -> visible, the
 * CPU and memory of every process of the platform, and where each service's time goes (JFR).
 */
public final class BusiestHour {

    private static final long PROGRESS_SECONDS = 30;

    private BusiestHour() {
    }

    /** Always ends the JVM: the readers' client runs on threads that would keep it alive after a failure. */
    public static void main(String[] argv) {
        try {
            run(new Args(argv));
            System.exit(0);
        } catch (Throwable e) {
            System.out.println("busiest hour: failed: " + Window.describe(e));
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    private static void run(Args args) throws Exception {
        double scale = args.decimal("scale", 1.0);
        double minutes = args.decimal("minutes", 10);
        int warmup = args.integer("warmup", 60);
        int editorsCount = Math.max(1, (int) Math.round(50 * scale));
        double savesPerSecond = editorsCount / 10.0;
        double deskPerSecond = 5 * scale;
        double photosPerSecond = 10 * scale / 60;
        double feedsPerSecond = 2000 * scale;
        double pagesPerSecond = 50 * scale;
        long measuredSeconds = Math.round(minutes * 60);
        Path work = Path.of(args.get("work", "bench/target/work/busiest-hour"));
        Map<String, Long> pids = ProcessSampler.parse(args.get("pids", ""));
        pids.put("generator", ProcessHandle.current().pid());

        System.out.printf(Locale.ROOT, "scale %.2f: %d editors saving every 10 s (%.1f saves/s), %.2f desk operations/s"
                + " (publish %.0f %%, correct %.0f %%, unpublish %.0f %%), %.1f photo uploads/min, %.0f conditional feed"
                + " GETs/s, %.1f article page GETs/s%n", scale, editorsCount, savesPerSecond, deskPerSecond,
                100 * Desk.share('P'), 100 * Desk.share('C'), 100 * Desk.share('U'), photosPerSecond * 60,
                feedsPerSecond, pagesPerSecond);
        System.out.printf(Locale.ROOT, "warm-up %d s, then %d s measured; processes watched: %s%n", warmup,
                measuredSeconds, pids);

        long made = System.nanoTime();
        List<Photo> mix = Photos.mix(work.resolve("photos"), Path.of(args.get("webp",
                "media-service/src/test/resources/images/lossy.webp")));
        List<Photo> leads = Photos.leads(work.resolve("photos"));
        System.out.printf(Locale.ROOT, "photo mix ready in %.1f s: %s%n", (System.nanoTime() - made) / 1e9,
                mix.stream().map(Photo::label).collect(Collectors.joining(", ")));

        Api api = new Api(args.get("article-url", "http://127.0.0.1:8081"),
                args.get("media-url", "http://127.0.0.1:8082"), args.get("feed-url", "http://127.0.0.1:8083"));
        String run = Long.toString(System.currentTimeMillis() / 1000 % 10_000_000, 36);
        Seed seed = new Seed(api, run);
        long seeding = System.nanoTime();
        List<String> leadIds = seed.uploadLeads(leads);
        int seedStories = args.integer("seed-stories", 200);
        List<Story> seeded = seed.stories("story", seedStories, leadIds, 5, true);
        int draftsNeeded = (int) Math.ceil(deskPerSecond * Desk.share('P') * (warmup + measuredSeconds)) + 20;
        List<Story> deskDrafts = seed.stories("desk", draftsNeeded, leadIds, 4, false);
        List<Story> editorDrafts = seed.stories("draft", editorsCount, List.of(), 1, false);
        seed.awaitInFeed(seeded.get(seeded.size() - 1));
        System.out.printf(Locale.ROOT, "seeded in %.1f s (run %s): %d lead photos, %d published stories in %d sections"
                + " and %d tags, %d drafts for the desk, %d editors' drafts%n", (System.nanoTime() - seeding) / 1e9,
                run, leadIds.size(), seeded.size(), Copy.SECTIONS.size(), Copy.TAGS.size(), deskDrafts.size(),
                editorDrafts.size());

        Window window = new Window();
        Readers readers = new Readers(api, window, feedsPerSecond, pagesPerSecond);
        readers.prime();
        Visibility visibility = new Visibility(api, window, args.integer("poll-ms", 2));
        Desk desk = new Desk(api, window, visibility, readers, deskPerSecond, deskDrafts, seeded);
        Part saves = new Part(window, "editors' saves (PUT If-Match)", "saves", savesPerSecond);
        Editors editors = new Editors(api, window, saves, editorDrafts);
        PictureDesk pictures = new PictureDesk(api, window, mix, photosPerSecond);
        List<Part> calls = List.of(saves, desk.publish, desk.correct, desk.unpublish, pictures.uploads, readers.feeds,
                readers.pages);
        List<Part> seen = List.of(desk.publishSeen, desk.correctSeen, desk.unpublishSeen);

        ProcessSampler sampler = new ProcessSampler(pids);
        Map<String, Long> services = new LinkedHashMap<>();
        for (String service : List.of("article", "media", "feed")) {
            if (pids.containsKey(service)) {
                services.put(service, pids.get(service));
            }
        }
        boolean profile = !args.get("profile", "yes").equals("no");
        Profiles profiles = new Profiles(services, work.resolve("profiles"));
        String loadBefore = loadAverage();

        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long end = measureFrom + TimeUnit.SECONDS.toNanos(measuredSeconds);
        window.measure(measureFrom, end);
        List<Thread> schedules = List.of(
                Arrivals.start("editors", savesPerSecond, start, end, editors::arrive),
                Arrivals.start("desk", deskPerSecond, start, end, desk::arrive),
                Arrivals.start("photos", photosPerSecond, start, end, pictures::arrive),
                Arrivals.start("feeds", feedsPerSecond, start, end, readers::feed),
                Arrivals.start("pages", pagesPerSecond, start, end, readers::page));
        System.out.printf("%nrunning: warm-up until +%d s, measured until +%d s%n", warmup, warmup + measuredSeconds);

        sleepUntil(measureFrom);
        sampler.start();
        if (profile) {
            profiles.start();
        }
        System.out.println("warm-up over: measuring (CPU and memory sampled every second"
                + (profile ? ", JFR recording in " + services.keySet() : "") + ")");
        long nextProgress = measureFrom;
        while (System.nanoTime() < end) {
            nextProgress += TimeUnit.SECONDS.toNanos(PROGRESS_SECONDS);
            sleepUntil(Math.min(nextProgress, end));
            progress((System.nanoTime() - measureFrom) / 1_000_000_000L, calls, seen);
        }
        for (Thread schedule : schedules) {
            schedule.join();
        }
        sampler.stop();
        Map<String, Path> recordings = profile ? profiles.stop() : Map.of();
        String loadAfter = loadAverage();
        long drainUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(35);
        while (window.out() > 0 && System.nanoTime() < drainUntil) {
            TimeUnit.MILLISECONDS.sleep(50);
        }

        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "the busiest hour at scale %.2f: %d s measured after %d s of warm-up;"
                + " latency from each call's due time (open model), publish -> visible from the call's return", scale,
                measuredSeconds, warmup));
        report.add(String.format(Locale.ROOT, "%-36s %9s %9s %8s %9s %9s %9s %7s  %s", "part", "offered/s",
                "served/s", "count", "p50 ms", "p99 ms", "max ms", "errors", "answers"));
        for (Part part : calls) {
            report.add(row(part, measuredSeconds));
        }
        report.add(String.format(Locale.ROOT, "%-36s %9s %9s %8s %9s %9s %9s %7s", "visible to readers, after the call",
                "", "seen/s", "stories", "p50 ms", "p99 ms", "max ms", "errors"));
        for (Part part : seen) {
            report.add(row(part, measuredSeconds));
        }
        Histogram publishSeen = desk.publishSeen.total();
        double p99 = publishSeen.getValueAtPercentile(99) / 1000.0;
        report.add(String.format(Locale.ROOT, "publish -> visible p99 %.1f ms: target <= 100 ms under this load, %s",
                p99, publishSeen.getTotalCount() > 0 && p99 <= 100 ? "met" : "MISSED"));
        long errors = calls.stream().mapToLong(Part::errors).sum() + seen.stream().mapToLong(Part::errors).sum();
        report.add(String.format(Locale.ROOT, "errors in all: %d (target 0); in the warm-up: %d; calls and polls still"
                + " unanswered 35 s after the end (counted nowhere above): %d", errors,
                calls.stream().mapToLong(Part::warmupErrors).sum() + seen.stream().mapToLong(Part::warmupErrors).sum(),
                window.out()));
        report.add("arrivals sent more than 10 ms after their due time (the generator held back by its cap on calls out"
                + " at once, or short of CPU; their latency still counts from the due time): " + Arrivals.LATE.entrySet()
                .stream().map(entry -> entry.getKey() + " " + entry.getValue().sum()).collect(Collectors.joining(", ")));
        report.add("photo uploads by kind (count, p50, max; ms from due time):");
        pictures.byKind().forEach((kind, figures) -> report.add(String.format(Locale.ROOT, "  %-40s %3d  %7d  %7d",
                kind, figures[0], figures[1], figures[2])));
        report.add(String.format(Locale.ROOT, "%-10s %8s %12s %11s %14s %13s", "process", "pid", "CPU mean %",
                "CPU max %", "memory max MB", "memory end MB"));
        for (ProcessSampler.Watched process : sampler.watched()) {
            report.add(String.format(Locale.ROOT, "%-10s %8d %12.1f %11.1f %14.0f %13.0f%s", process.name, process.pid,
                    process.meanCpu(), process.maxCpu, process.maxMemoryKb / 1024.0, process.lastMemoryKb / 1024.0,
                    process.name.equals("postgres") ? "  (Pss, postmaster and its children)" : ""));
        }
        double[] machine = sampler.machine();
        report.add(String.format(Locale.ROOT, "machine: %d cores, CPU busy %.0f %% on average, %.0f %% in the busiest"
                + " second (100 %% = every core); load average before %s, at the end %s",
                Runtime.getRuntime().availableProcessors(), machine[0], machine[1], loadBefore, loadAfter));
        List<String> samples = new ArrayList<>();
        for (Part part : concat(calls, seen)) {
            part.samples().forEach(sample -> samples.add("  " + part.name + ": " + sample));
        }
        if (!samples.isEmpty()) {
            report.add("first errors of each part:");
            report.addAll(samples);
        }

        System.out.println();
        System.out.println("=== figures ===");
        report.forEach(System.out::println);
        if (!recordings.isEmpty()) {
            System.out.println();
            System.out.println("=== where the time goes (JFR, measured window; open the .jfr files with JDK Mission"
                    + " Control or `jfr print`) ===");
            for (Map.Entry<String, Path> recording : recordings.entrySet()) {
                Profiles.summary(recording.getKey() + "-service", recording.getValue()).forEach(System.out::println);
            }
        }
        System.out.println();
        System.out.printf("deleted %d of the %d photos uploaded during the hour (the seeded stories and their lead photos"
                + " stay)%n", pictures.deleteUploaded(), pictures.uploaded());
    }

    private static String row(Part part, long seconds) {
        Histogram total = part.total();
        String answers = part.outcomes().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "%-36s %9s %9.2f %8d %9.1f %9.1f %9.1f %7d  %s", part.name,
                part.offeredPerSecond > 0 ? String.format(Locale.ROOT, "%.2f", part.offeredPerSecond) : "",
                part.servedInWindow() / (double) seconds, total.getTotalCount(), total.getValueAtPercentile(50) / 1000.0,
                total.getValueAtPercentile(99) / 1000.0, total.getMaxValue() / 1000.0, part.errors(), answers);
    }

    private static void progress(long second, List<Part> calls, List<Part> seen) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%4d s]", second));
        for (Part part : concat(calls, seen)) {
            Histogram last = part.sinceLast();
            line.append(String.format(Locale.ROOT, "  %s %d p99 %.0f ms", part.label, last.getTotalCount(),
                    last.getValueAtPercentile(99) / 1000.0));
        }
        long errors = concat(calls, seen).stream().mapToLong(Part::errors).sum();
        line.append(String.format(Locale.ROOT, "  | errors %d, load %s", errors, loadAverage()));
        System.out.println(line);
    }

    private static List<Part> concat(List<Part> first, List<Part> second) {
        List<Part> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait;
        while ((wait = nanos - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    private static String loadAverage() {
        try {
            String[] fields = java.nio.file.Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
