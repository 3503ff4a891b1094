package dev.newsroom.bench.busiest;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where each service's time goes: a JDK Flight Recorder recording (settings "profile": a CPU sample of every running
 * Java thread every 10 ms) started with jcmd in each service for the measured window, then read back with the JDK's
 * jdk.jfr.consumer API and summed up: the hottest methods (the frame on top when sampled), the packages that time
 * falls in, the platform's own code that was running or had called the library running, and the garbage collector's
 * pauses.
 */
final class Profiles {

    private static final String NAME = "busiest-hour";
    private static final int TOP = 10;
    private static final Pattern GENERATED = Pattern.compile(
            "_ClientProxy|_Subclass|\\$\\$|quarkusrestinvoker|_SmallRyeMessagingInvoker|_Bean|_Observer");
    private final Map<String, Long> services;
    private final Path directory;
    private final String jcmd;

    Profiles(Map<String, Long> services, Path directory) {
        this.services = services;
        this.directory = directory;
        Path beside = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        this.jcmd = Files.isExecutable(beside) ? beside.toString() : "jcmd";
    }

    void start() {
        services.forEach((name, pid) -> {
            String answer = jcmd(pid, "JFR.start", "name=" + NAME, "settings=profile");
            if (!answer.contains("Started recording")) {
                System.out.printf("profile of %s (pid %d) not started: %s%n", name, pid, answer.strip());
            }
        });
    }

    /** Stops the recordings into files, one per service; returns them by service. */
    Map<String, Path> stop() throws IOException {
        Files.createDirectories(directory);
        Map<String, Path> files = new LinkedHashMap<>();
        services.forEach((name, pid) -> {
            Path file = directory.resolve(name + ".jfr").toAbsolutePath();
            String answer = jcmd(pid, "JFR.stop", "name=" + NAME, "filename=" + file);
            if (Files.exists(file)) {
                files.put(name, file);
            } else {
                System.out.printf("profile of %s (pid %d) not written: %s%n", name, pid, answer.strip());
            }
        });
        return files;
    }

    private String jcmd(long pid, String... command) {
        List<String> line = new ArrayList<>(List.of(jcmd, Long.toString(pid)));
        line.addAll(List.of(command));
        try {
            Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            return out;
        } catch (IOException e) {
            return e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    /** The summary of one recording, as lines to print. */
    static List<String> summary(String service, Path file) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> packages = new HashMap<>();
        Map<String, Integer> own = new HashMap<>();
        int samples = 0;
        int pauses = 0;
        Duration paused = Duration.ZERO;
        Duration longest = Duration.ZERO;
        try (RecordingFile recording = new RecordingFile(file)) {
            while (recording.hasMoreEvents()) {
                RecordedEvent event = recording.readEvent();
                String type = event.getEventType().getName();
                if (type.equals("jdk.ExecutionSample")) {
                    RecordedStackTrace stack = event.getStackTrace();
                    if (stack == null || stack.getFrames().isEmpty()) {
                        continue;
                    }
                    samples++;
                    List<RecordedFrame> frames = stack.getFrames();
                    String top = method(frames.get(0));
                    self.merge(top, 1, Integer::sum);
                    packages.merge(area(frames.get(0)), 1, Integer::sum);
                    own.merge(nearestOwn(frames, event), 1, Integer::sum);
                } else if (type.equals("jdk.GarbageCollection")) {
                    pauses++;
                    paused = paused.plus(event.getDuration("sumOfPauses"));
                    Duration longestPause = event.getDuration("longestPause");
                    longest = longestPause.compareTo(longest) > 0 ? longestPause : longest;
                }
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "%s: %,d CPU samples; GC: %d collections, %,d ms paused in all, longest"
                + " %d ms   (%s)", service, samples, pauses, paused.toMillis(), longest.toMillis(), file));
        lines.add("  hottest methods (self):");
        top(self, samples).forEach(line -> lines.add("    " + line));
        lines.add("  by package (self):");
        top(packages, samples).forEach(line -> lines.add("    " + line));
        lines.add("  by the platform's method nearest the top of the stack (its own time and the libraries it called),"
                + " else by thread:");
        top(own, samples).forEach(line -> lines.add("    " + line));
        return lines;
    }

    private static List<String> top(Map<String, Integer> counts, int samples) {
        return counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(TOP).map(entry -> String.format(Locale.ROOT, "%5.1f %%  %s",
                        100.0 * entry.getValue() / Math.max(1, samples), entry.getKey())).toList();
    }

    /**
     * The first method of the platform's own code from the top of the stack, past the classes Quarkus generates
     * (client proxies, interceptor subclasses, REST invokers, lambdas); where there is none, the thread's kind.
     */
    private static String nearestOwn(List<RecordedFrame> frames, RecordedEvent event) {
        for (RecordedFrame frame : frames) {
            String type = frame.getMethod().getType().getName();
            if (type.startsWith("dev.newsroom.") && !GENERATED.matcher(type).find()) {
                return method(frame);
            }
        }
        RecordedThread thread = event.getThread("sampledThread");
        String name = thread == null || thread.getJavaName() == null ? "?" : thread.getJavaName();
        return "(no platform code: thread " + name.replaceAll("[0-9]+", "#") + ")";
    }

    private static String method(RecordedFrame frame) {
        return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    /** The first three parts of a class's package (io.vertx.core, org.hibernate.engine): what a time is spent on. */
    private static String area(RecordedFrame frame) {
        String[] parts = frame.getMethod().getType().getName().split("\\.");
        int keep = Math.min(3, Math.max(1, parts.length - 1));
        return String.join(".", java.util.Arrays.copyOf(parts, keep));
    }
}
