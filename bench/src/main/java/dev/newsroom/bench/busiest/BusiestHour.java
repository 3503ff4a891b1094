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
                + " (publish %.0f %%, correct %.0f %%, unpublish %.0f %%), %.1f photo uploads/min, %.0f conditional"
                + " feed GETs/s, %.1f article page GETs/s%n", scale, editorsCount, savesPerSecond, deskPerSecond,
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

        List<String> report = Report.lines(new Report.Run(scale, measuredSeconds, warmup, loadBefore, loadAfter,
                window.out()), calls, seen, desk.publishSeen, pictures, sampler);
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
        System.out.printf("deleted %d of the %d photos uploaded during the hour (the seeded stories and their lead"
                + " photos stay)%n", pictures.deleteUploaded(), pictures.uploaded());
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
