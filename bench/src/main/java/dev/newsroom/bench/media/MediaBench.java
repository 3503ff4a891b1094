package dev.newsroom.bench.media;

import static dev.newsroom.bench.Images.adobeJpeg;
import static dev.newsroom.bench.Images.baseline;
import static dev.newsroom.bench.Images.photo;
import static dev.newsroom.bench.Images.progressive;
import static dev.newsroom.bench.Images.write;
import static dev.newsroom.testimages.ImageBytes.concat;
import static dev.newsroom.testimages.ImageBytes.pngChunk;
import static dev.newsroom.testimages.ImageBytes.pngSignature;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.zip.DeflaterOutputStream;

import javax.imageio.ImageIO;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;

import dev.newsroom.bench.BasicAuthorization;
import dev.newsroom.bench.Periodically;
import dev.newsroom.bench.Proc;
import dev.newsroom.testimages.ImageBombs;

/**
 * Benchmarks media-service over HTTP and prints figures (run by bench/media-bench.sh or bench/run media-bench, which explain the options):
 * the resident memory of the service while a corpus of decompression bombs is thrown at it, the time to accept one
 * 24 Mpx JPEG and make its renditions, uploads per second with a mix of real-world sizes, and the memory while several
 * images that are legal but dear to decode arrive at once. The test images are made here, deterministically, and kept
 * in the work directory.
 */
public class MediaBench {

    private static final String BOUNDARY = "media-bench-boundary-7f3a";

    private final String url;
    private final long pid;
    private final String authorization;
    private final Path work;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    MediaBench(String url, long pid, String user, Path work) {
        this.url = url;
        this.pid = pid;
        this.authorization = BasicAuthorization.of(user);
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        MediaBench bench = new MediaBench(options.getOrDefault("url", "http://127.0.0.1:8082"),
                Long.parseLong(options.get("pid")), options.getOrDefault("user", "writer:writer"),
                Path.of(options.getOrDefault("work", "bench/target/media-work")));
        String topic = options.get("create-topic");
        Path profileSource = options.containsKey("cmyk-profile") ? Path.of(options.get("cmyk-profile")) : null;
        if (topic != null) {
            createTopic(options.getOrDefault("bootstrap", "127.0.0.1:9092"), topic);
        }
        try {
            bench.run(options.getOrDefault("only", "all"), profileSource,
                    Integer.parseInt(options.getOrDefault("bombs", "2000")),
                    Integer.parseInt(options.getOrDefault("bomb-clients", "16")),
                    Integer.parseInt(options.getOrDefault("runs", "10")),
                    Integer.parseInt(options.getOrDefault("duration", "20")),
                    Integer.parseInt(options.getOrDefault("clients", "4")),
                    Integer.parseInt(options.getOrDefault("heavy", "4")));
        } finally {
            if (topic != null) {
                deleteTopic(options.getOrDefault("bootstrap", "127.0.0.1:9092"), topic);
            }
        }
    }

    void run(String only, Path profileSource, int bombs, int bombClients, int runs, int seconds, int clients, int heavy)
            throws Exception {
        Files.createDirectories(work);
        Corpus corpus = Corpus.load(work, profileSource);
        System.out.printf(Locale.ROOT, "service %s, pid %d; load average now %s%n", url, pid, loadAverage());
        System.out.printf(Locale.ROOT, "test images: 24 Mpx JPEG %s, 12 Mpx JPEG %s, 2 Mpx JPEG %s, PNG %s, GIF %s%n",
                mb(corpus.photo24.length), mb(corpus.photo12.length), mb(corpus.photo2.length), mb(corpus.graphic.length),
                mb(corpus.gif.length));

        // One small upload first: class loading and JIT of the upload path should not count as growth below.
        expect(upload("warm.png", corpus.graphic), 201, "warm-up upload");

        if (only.equals("all")) {
            bombs(corpus, bombs, bombClients);
        }
        latency(corpus.encodings(work), runs);
        if (only.equals("all")) {
            throughput(corpus, seconds, clients);
            if (heavy > 0) {
                dear(corpus.dear(work), heavy);
            }
        }
        System.out.printf(Locale.ROOT, "%nload average at the end %s%n", loadAverage());
    }

    /** Bombs and lies, all at once from many clients: every one must be refused, and memory must not move. */
    private void bombs(Corpus corpus, int count, int concurrency) throws Exception {
        section("Decompression bombs and lies: " + count + " uploads from " + concurrency + " clients at once");
        List<Upload> corpusOfBombs = List.of(
                new Upload("bomb.png", corpus.pngBomb, "PNG declaring 60000 x 60000 (10.8 GB decoded)"),
                new Upload("bomb.jpg", corpus.jpegBomb, "JPEG declaring 60000 x 60000"),
                new Upload("bomb.gif", corpus.gifBomb, "GIF declaring 65535 x 65535"),
                new Upload("bomb.webp", corpus.webpBomb, "WebP declaring 16384 x 16384"),
                new Upload("logo.png", corpus.svg, "SVG named .png"),
                new Upload("photo.jpg", corpus.html, "HTML named .jpg"));
        for (Upload bomb : corpusOfBombs) {
            System.out.printf(Locale.ROOT, "  %-44s %7s  -> %d%n", bomb.description, mb(bomb.bytes.length),
                    upload(bomb.name, bomb.bytes).statusCode());
        }
        settle();
        long before = rss();
        RssSampler sampler = RssSampler.start(pid);
        Burst burst = burst(concurrency, count, i -> corpusOfBombs.get(i % corpusOfBombs.size()));
        long peak = sampler.stop();
        settle();
        long after = rss();
        System.out.printf(Locale.ROOT, "  %s (%.0f refusals/s)%n", burst, count / burst.seconds());
        System.out.printf(Locale.ROOT, "  RSS of media-service: before %s, peak while under fire %s (+%s), after %s (+%s)"
                        + "  [target: growth <= 100 MB]%n",
                mb(before), mb(peak), mb(Math.max(0, peak - before)), mb(after), mb(Math.max(0, after - before)));
        if (burst.statuses().keySet().stream().anyMatch(status -> status < 400 || status >= 500)) {
            System.out.println("  !! some bombs were not refused with a 4xx");
        }
    }

    /**
     * End to end, per encoding: one client, one 24 Mpx image at a time, the service answering 201 with its renditions.
     * The service's heap in use is sampled meanwhile with jstat (from the JVM's shared performance counters, so the
     * sampling costs the service nothing); its peak includes garbage not yet collected, as the heap must hold it.
     */
    private void latency(List<Upload> encodings, int runs) throws Exception {
        section("Accepting a 24 Mpx image (6000 x 4000) and making its renditions, " + runs
                + " uploads one after another per encoding, after 2 warm-ups  [target: <= 1.5 s each]");
        for (Upload photo : encodings) {
            for (int i = 0; i < 2; i++) {
                expect(upload(photo.name, photo.bytes), 201, "warm-up");
            }
            List<Long> times = new ArrayList<>();
            HeapSampler heap = HeapSampler.start(pid);
            for (int i = 0; i < runs; i++) {
                long start = System.nanoTime();
                expect(upload(photo.name, photo.bytes), 201, photo.description + " upload");
                times.add(System.nanoTime() - start);
            }
            long peak = heap.stop();
            System.out.printf(Locale.ROOT, "  %-34s %8s  p50 %7s, min %7s, max %7s; heap in use, peak %s%n",
                    photo.description, mb(photo.bytes.length), ms(percentile(times, 50)), ms(percentile(times, 0)),
                    ms(percentile(times, 100)), peak < 0 ? "n/a (no jstat)" : mb(peak));
        }
        System.out.printf(Locale.ROOT, "  RSS after: %s; load average %s%n", mb(rss()), loadAverage());
    }

    /** Several clients uploading a newsroom-like mix for a while. */
    private void throughput(Corpus corpus, int seconds, int clients) throws Exception {
        List<Upload> mix = new ArrayList<>();
        mix.add(new Upload("photo24.jpg", corpus.photo24, "24 Mpx JPEG"));
        mix.add(new Upload("photo12.jpg", corpus.photo12, "12 Mpx JPEG"));
        mix.add(new Upload("photo12.jpg", corpus.photo12, "12 Mpx JPEG"));
        for (int i = 0; i < 4; i++) {
            mix.add(new Upload("photo2.jpg", corpus.photo2, "2 Mpx JPEG"));
        }
        mix.add(new Upload("graphic.png", corpus.graphic, "1600 x 900 PNG"));
        mix.add(new Upload("graphic.png", corpus.graphic, "1600 x 900 PNG"));
        mix.add(new Upload("anim.gif", corpus.gif, "800 x 600 GIF"));
        section("Uploads per second: " + clients + " clients for " + seconds + " s, mix per 10 uploads: 1 x 24 Mpx JPEG,"
                + " 2 x 12 Mpx JPEG, 4 x 2 Mpx JPEG, 2 x PNG graphic, 1 x GIF");
        Map<String, List<Long>> times = new ConcurrentHashMap<>();
        AtomicInteger next = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        AtomicLong bytes = new AtomicLong();
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        long start = System.nanoTime();
        RssSampler sampler = RssSampler.start(pid);
        parallel(clients, () -> {
            while (System.nanoTime() < deadline) {
                Upload upload = mix.get(next.getAndIncrement() % mix.size());
                long sent = System.nanoTime();
                int status = upload(upload.name, upload.bytes).statusCode();
                if (status != 201) {
                    failed.incrementAndGet();
                    continue;
                }
                bytes.addAndGet(upload.bytes.length);
                times.computeIfAbsent(upload.description, key -> Collections.synchronizedList(new ArrayList<>()))
                        .add(System.nanoTime() - sent);
            }
        });
        double elapsed = (System.nanoTime() - start) / 1e9;
        long peak = sampler.stop();
        int done = times.values().stream().mapToInt(List::size).sum();
        System.out.printf(Locale.ROOT, "  %d uploads in %.1f s: %.2f uploads/s, %.1f MB/s of images; %d failed%n",
                done, elapsed, done / elapsed, bytes.get() / elapsed / (1024 * 1024), failed.get());
        times.forEach((kind, list) -> System.out.printf(Locale.ROOT, "    %-16s %4d uploads, p50 %s, max %s%n", kind,
                list.size(), ms(percentile(list, 50)), ms(percentile(list, 100))));
        System.out.printf(Locale.ROOT, "  RSS peak %s; load average %s%n", mb(peak), loadAverage());
    }

    /** Images inside the limits that cost the most memory per pixel, all at once: the decode budget queues them. */
    private void dear(byte[] png, int count) throws Exception {
        section(count + " uploads at once of a 36 Mpx 16-bit RGB PNG (6000 x 6000, " + mb(png.length)
                + "; about 430 MB to convert)");
        long before = rss();
        RssSampler sampler = RssSampler.start(pid);
        Upload dear = new Upload("dear.png", png, "36 Mpx 16-bit PNG");
        Burst burst = burst(count, count, i -> dear);
        long peak = sampler.stop();
        System.out.printf(Locale.ROOT, "  %s%n", burst);
        System.out.printf(Locale.ROOT, "  RSS before %s, peak %s, after %s (the heap may grow to -Xmx, never past it)%n",
                mb(before), mb(peak), mb(rss()));
    }

    private HttpResponse<String> upload(String name, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream(file.length + 512);
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"altText\"\r\n\r\n"
                + "Benchmark image\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(url + "/api/media"))
                .timeout(Duration.ofMinutes(5))
                .header("Authorization", authorization)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + ": expected " + status + ", got " + response.statusCode() + " "
                    + response.body());
        }
    }

    /** Sends {@code count} uploads from {@code clients} at once, the i-th being {@code pick.apply(i)}. */
    private Burst burst(int clients, int count, IntFunction<Upload> pick) throws Exception {
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<Long> times = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger next = new AtomicInteger();
        long start = System.nanoTime();
        parallel(clients, () -> {
            int i;
            while ((i = next.getAndIncrement()) < count) {
                Upload upload = pick.apply(i);
                long sent = System.nanoTime();
                int status = upload(upload.name, upload.bytes).statusCode();
                times.add(System.nanoTime() - sent);
                statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
            }
        });
        return new Burst(new TreeMap<>(statuses), List.copyOf(times), (System.nanoTime() - start) / 1e9);
    }

    /** What a burst of uploads got back: how many of each status, and how long each answer took. */
    private record Burst(Map<Integer, AtomicInteger> statuses, List<Long> times, double seconds) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "answers %s in %.1f s; each p50 %s, max %s", statuses, seconds,
                    ms(percentile(times, 50)), ms(percentile(times, 100)));
        }
    }

    private static void parallel(int threads, Runnable work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                running.add(pool.submit(work));
            }
            for (Future<?> future : running) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lets the service finish what the last requests started (GC, buffers) before memory is read. */
    private static void settle() throws InterruptedException {
        Thread.sleep(2000);
    }

    private long rss() {
        return RssSampler.read(pid);
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " / " + parts[1] + " / " + parts[2] + " (1/5/15 min, " + Runtime.getRuntime().availableProcessors()
                    + " cores)";
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String ms(long nanos) {
        return nanos >= 10_000_000_000L ? String.format(Locale.ROOT, "%.1f s", nanos / 1e9)
                : String.format(Locale.ROOT, "%d ms", Math.round(nanos / 1e6));
    }

    private static String mb(long bytes) {
        return bytes < 1024 * 1024 ? String.format(Locale.ROOT, "%.1f KB", bytes / 1024.0)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    private static void section(String title) {
        System.out.printf(Locale.ROOT, "%n=== %s ===%n", title);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new TreeMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value, got " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        if (!options.containsKey("pid")) {
            throw new IllegalArgumentException("--pid of the media-service process is required");
        }
        return options;
    }

    private static void createTopic(String bootstrap, String topic) throws Exception {
        try (Admin admin = Admin.create(adminProperties(bootstrap))) {
            admin.createTopics(List.of(new NewTopic(topic, 3, (short) 1))).all().get();
        }
    }

    private static void deleteTopic(String bootstrap, String topic) {
        try (Admin admin = Admin.create(adminProperties(bootstrap))) {
            admin.deleteTopics(Set.of(topic)).all().get();
        } catch (Exception e) {
            System.out.println("could not delete topic " + topic + ": " + e.getMessage());
        }
    }

    private static Properties adminProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        return properties;
    }

    private record Upload(String name, byte[] bytes, String description) {
    }

    /** Runs {@code jstat -gc} on a process every 20 ms and keeps the highest heap in use (survivors, eden, old). */
    private static final class HeapSampler {

        private final Process jstat;
        private final AtomicLong peak = new AtomicLong(-1);
        private final Thread reader;

        private HeapSampler(Process jstat) {
            this.jstat = jstat;
            this.reader = new Thread(() -> {
                try (var lines = new java.io.BufferedReader(new java.io.InputStreamReader(jstat.getInputStream()))) {
                    String line;
                    while ((line = lines.readLine()) != null) {
                        String[] columns = line.trim().split("\\s+");
                        // S0C S1C S0U S1U EC EU OC OU ...: used columns in KB
                        if (columns.length > 7 && !columns[0].equals("S0C")) {
                            double used = Double.parseDouble(columns[2]) + Double.parseDouble(columns[3])
                                    + Double.parseDouble(columns[5]) + Double.parseDouble(columns[7]);
                            peak.accumulateAndGet((long) (used * 1024), Math::max);
                        }
                    }
                } catch (IOException | NumberFormatException e) {
                    // the peak so far stands
                }
            }, "heap-sampler");
            reader.setDaemon(true);
        }

        static HeapSampler start(long pid) throws IOException {
            Path jstat = Path.of(System.getProperty("java.home"), "bin", "jstat");
            Process process = new ProcessBuilder(Files.exists(jstat) ? jstat.toString() : "jstat", "-gc",
                    Long.toString(pid), "20").redirectErrorStream(true).start();
            HeapSampler sampler = new HeapSampler(process);
            sampler.reader.start();
            return sampler;
        }

        long stop() throws InterruptedException {
            jstat.destroy();
            reader.join(2000);
            return peak.get();
        }
    }

    /** Samples VmRSS of a process every 20 ms and keeps the highest value. */
    private static final class RssSampler {

        private final AtomicLong peak = new AtomicLong();
        private final Periodically sampling;

        private RssSampler(long pid) {
            sampling = Periodically.start("rss-sampler", Duration.ofMillis(20),
                    () -> peak.accumulateAndGet(read(pid), Math::max));
        }

        static RssSampler start(long pid) {
            return new RssSampler(pid);
        }

        long stop() throws InterruptedException {
            sampling.stop();
            return peak.get();
        }

        static long read(long pid) {
            return Proc.kilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:") * 1024;
        }
    }

    /** The benchmark's images, made once and kept in the work directory. */
    private static final class Corpus {

        byte[] photo24;
        byte[] progressive24;
        byte[] cmyk24;
        byte[] ycck24;
        byte[] photo12;
        byte[] photo2;
        byte[] graphic;
        byte[] gif;
        byte[] pngBomb;
        byte[] jpegBomb;
        byte[] gifBomb;
        byte[] webpBomb;
        byte[] svg;
        byte[] html;

        static Corpus load(Path work, Path profileSource) throws IOException {
            Corpus corpus = new Corpus();
            corpus.photo24 = cached(work.resolve("photo-6000x4000.jpg"), () -> baseline(photo(6000, 4000, 1)));
            corpus.progressive24 = cached(work.resolve("photo-6000x4000-progressive.jpg"),
                    () -> progressive(photo(6000, 4000, 1)));
            if (profileSource != null) {
                List<byte[]> profile = segments(Files.readAllBytes(profileSource), 0xE2);
                if (profile.isEmpty()) {
                    throw new IllegalArgumentException(profileSource + " holds no ICC profile");
                }
                corpus.cmyk24 = cached(work.resolve("photo-6000x4000-cmyk.jpg"),
                        () -> adobeJpeg(photo(6000, 4000, 1), false, profile));
                corpus.ycck24 = cached(work.resolve("photo-6000x4000-ycck.jpg"),
                        () -> adobeJpeg(photo(6000, 4000, 1), true, profile));
            }
            corpus.photo12 = cached(work.resolve("photo-4000x3000.jpg"), () -> baseline(photo(4000, 3000, 2)));
            corpus.photo2 = cached(work.resolve("photo-1920x1080.jpg"), () -> baseline(photo(1920, 1080, 3)));
            corpus.graphic = cached(work.resolve("graphic-1600x900.png"), () -> write(graphic(1600, 900), "png"));
            corpus.gif = cached(work.resolve("graphic-800x600.gif"), () -> write(graphic(800, 600), "gif"));
            corpus.pngBomb = ImageBombs.png();
            corpus.jpegBomb = ImageBombs.jpeg(corpus.photo2);
            corpus.gifBomb = ImageBombs.gif();
            corpus.webpBomb = ImageBombs.webp();
            corpus.svg = "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
                    .getBytes(StandardCharsets.UTF_8);
            corpus.html = "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
            return corpus;
        }

        /** The 24 Mpx image in every encoding the service reads; WebP only when cwebp has made it (see the script). */
        List<Upload> encodings(Path work) throws IOException {
            List<Upload> encodings = new ArrayList<>();
            encodings.add(new Upload("photo24.jpg", photo24, "JPEG baseline"));
            encodings.add(new Upload("progressive24.jpg", progressive24, "JPEG progressive"));
            if (cmyk24 != null) {
                encodings.add(new Upload("cmyk24.jpg", cmyk24, "JPEG CMYK, ICC v4 profile"));
                encodings.add(new Upload("ycck24.jpg", ycck24, "JPEG YCCK, ICC v4 profile"));
            }
            encodings.add(new Upload("graphic24.png", cached(work.resolve("graphic-6000x4000.png"),
                    () -> write(graphic(6000, 4000), "png")), "PNG (graphic)"));
            encodings.add(new Upload("graphic24.gif", cached(work.resolve("graphic-6000x4000.gif"),
                    () -> write(graphic(6000, 4000), "gif")), "GIF (graphic)"));
            Path webp = work.resolve("photo-6000x4000.webp");
            if (!Files.exists(webp)) {
                cwebp(work.resolve("photo-6000x4000.jpg"), webp);
            }
            if (Files.exists(webp)) {
                encodings.add(new Upload("photo24.webp", Files.readAllBytes(webp), "WebP lossy"));
            }
            return encodings;
        }

        /** Makes a lossy WebP with cwebp (Debian package webp) when it is installed; ImageIO has no WebP writer. */
        private static void cwebp(Path jpeg, Path webp) throws IOException {
            try {
                Process process = new ProcessBuilder("cwebp", "-quiet", "-q", "85", jpeg.toString(), "-o", webp.toString())
                        .inheritIO().start();
                if (process.waitFor() != 0) {
                    Files.deleteIfExists(webp);
                }
            } catch (IOException e) {
                System.out.println("  (no cwebp on the PATH: WebP is left out; apt-get install webp)");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        byte[] dear(Path work) throws IOException {
            return cached(work.resolve("gradient-6000x6000-16bit-rgb.png"), () -> sixteenBitPng(6000, 6000));
        }

        private interface Maker {
            byte[] make() throws IOException;
        }

        private static byte[] cached(Path file, Maker maker) throws IOException {
            if (!Files.exists(file)) {
                Files.write(file, maker.make());
            }
            return Files.readAllBytes(file);
        }

        private static BufferedImage graphic(int width, int height) {
            BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
            Graphics2D g = image.createGraphics();
            g.setPaint(new GradientPaint(0, 0, new Color(20, 60, 140), width, height, new Color(240, 240, 250)));
            g.fillRect(0, 0, width, height);
            g.setColor(new Color(230, 80, 40));
            for (int bar = 0; bar < 12; bar++) {
                int barHeight = (bar * 37 % 11 + 2) * height / 16;
                g.fillRect(width / 14 * (bar + 1), height - barHeight - 40, width / 20, barHeight);
            }
            g.dispose();
            return image;
        }

        /**
         * A smooth 16-bit RGB gradient, written here with PNG's Sub filter so that it stays small (ImageIO's writer
         * does not filter and would need 90 MB): little to download, the most memory per pixel to convert.
         */
        private static byte[] sixteenBitPng(int width, int height) throws IOException {
            byte[] ihdr = ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 16).put((byte) 2)
                    .put((byte) 0).put((byte) 0).put((byte) 0).array();
            ByteArrayOutputStream deflated = new ByteArrayOutputStream();
            try (DeflaterOutputStream out = new DeflaterOutputStream(deflated)) {
                byte[] row = new byte[1 + width * 6];
                row[0] = 1; // Sub: each byte as the difference to the same byte of the pixel before
                for (int y = 0; y < height; y++) {
                    int previousRed = 0;
                    int previousGreen = 0;
                    int previousBlue = 0;
                    for (int x = 0; x < width; x++) {
                        int red = x * 65535 / width;
                        int green = y * 65535 / height;
                        int blue = 32768 + (x + y) % 4096;
                        putDifference(row, 1 + 6 * x, red, previousRed);
                        putDifference(row, 3 + 6 * x, green, previousGreen);
                        putDifference(row, 5 + 6 * x, blue, previousBlue);
                        previousRed = red;
                        previousGreen = green;
                        previousBlue = blue;
                    }
                    out.write(row);
                }
            }
            return concat(pngSignature(), pngChunk("IHDR", ihdr), pngChunk("IDAT", deflated.toByteArray()),
                    pngChunk("IEND", new byte[0]));
        }

        /** A 16-bit sample under the Sub filter: high and low byte each minus the previous pixel's, modulo 256. */
        private static void putDifference(byte[] row, int at, int sample, int previous) {
            row[at] = (byte) ((sample >> 8) - (previous >> 8));
            row[at + 1] = (byte) ((sample & 0xFF) - (previous & 0xFF));
        }

        /** The segments with this marker (0xE2: APP2) before the first scan, each with its marker and length. */
        private static List<byte[]> segments(byte[] jpeg, int marker) {
            List<byte[]> found = new ArrayList<>();
            for (int i = 2; i + 4 <= jpeg.length && (jpeg[i + 1] & 0xFF) != 0xDA; ) {
                int length = (jpeg[i + 2] & 0xFF) << 8 | jpeg[i + 3] & 0xFF;
                if ((jpeg[i + 1] & 0xFF) == marker) {
                    found.add(Arrays.copyOfRange(jpeg, i, i + 2 + length));
                }
                i += 2 + length;
            }
            return found;
        }
    }
}
