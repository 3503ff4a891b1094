package dev.newsroom.media.image;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import io.quarkus.logging.Log;

/**
 * Times the upload path of one large photo: inspect, read captions, generate renditions. Not a test (timings on a
 * shared 2-core machine are no pass/fail criterion); run by hand, e.g. with the test class path:
 * {@code java -Xmx512m -cp <test class path> dev.newsroom.media.image.RenditionBenchmark [photo.jpg] [runs]}.
 * Without a photo it writes a 6000x4000 (24 Mpx) JPEG with photo-like noise to a temporary file.
 */
public final class RenditionBenchmark {

    private RenditionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path photo = args.length > 0 ? Path.of(args[0]) : synthetic();
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ImageInspector inspector = new ImageInspector();
        MetadataReader metadata = new MetadataReader();
        RenditionGenerator generator = new RenditionGenerator(1, 0, DecodeBudget.fromHeap());
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean process =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long[][] times = new long[runs + 1][6];
        for (int run = 0; run <= runs; run++) {
            long cpuStart = threads.getCurrentThreadCpuTime();
            long processStart = process.getProcessCpuTime();
            long start = System.nanoTime();
            ImageInfo info = inspector.inspect(photo, ImageLimits.defaults());
            long inspected = System.nanoTime();
            metadata.read(photo);
            long read = System.nanoTime();
            List<Rendition> renditions = generator.generate(photo, info);
            long done = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime() - cpuStart;
            long processCpu = process.getProcessCpuTime() - processStart;
            times[run] = new long[] {inspected - start, read - inspected, done - read, done - start, cpu, processCpu};
            if (run == 0) {
                Log.infof("%s: %s, %d bytes; renditions %s", photo, info, Files.size(photo),
                        renditions.stream().map(r -> r.name() + " " + r.width() + "x" + r.height() + " " + r.bytes().length + " B").toList());
                Log.infof("first (cold JVM) run: inspect %d ms, metadata %d ms, renditions %d ms, total %d ms",
                        ms(times[0][0]), ms(times[0][1]), ms(times[0][2]), ms(times[0][3]));
            }
        }
        long[][] warm = Arrays.copyOfRange(times, 1, runs + 1);
        // CPU time shows the work without the waits for a core that other processes cause: this thread's, and the
        // process's (with the thread that encodes the full size, libwebp's filter thread, and the JVM's own).
        Log.infof("%d warm runs, median (min-max): inspect %s, metadata %s, renditions %s, total %s; CPU time %s,"
                + " process %s", runs, summary(warm, 0), summary(warm, 1), summary(warm, 2), summary(warm, 3),
                summary(warm, 4), summary(warm, 5));
    }

    private static Path synthetic() throws Exception {
        Path file = Files.createTempFile("benchmark-24mpx", ".jpg");
        file.toFile().deleteOnExit();
        return Files.write(file, TestImages.jpeg(TestImages.quadrants(6000, 4000, true)));
    }

    private static String summary(long[][] runs, int column) {
        long[] values = Arrays.stream(runs).mapToLong(run -> run[column]).sorted().toArray();
        return ms(values[values.length / 2]) + " ms (" + ms(values[0]) + "-" + ms(values[values.length - 1]) + ")";
    }

    private static long ms(long nanos) {
        return Math.round(nanos / 1e6);
    }
}
