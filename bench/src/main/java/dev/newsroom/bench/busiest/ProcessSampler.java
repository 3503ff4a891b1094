package dev.newsroom.bench.busiest;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsroom.bench.Periodically;
import dev.newsroom.bench.Proc;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * CPU and memory of the platform's processes, read from /proc once a second: CPU as a share of one core (mean over
 * the window and the busiest second), memory as resident set (VmRSS) and its peak. PostgreSQL is a tree of processes
 * sharing its buffers, so it is summed over the postmaster and its children as proportional set size (Pss, each
 * shared page counted once), not as resident size, which would count the shared buffers once per backend.
 */
final class ProcessSampler {

    /** One process (or process tree) and what was seen of it. */
    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    static final class Watched {
        final String name;
        final long pid;
        final boolean tree;
        long firstTicks = -1;
        long lastTicks;
        long lastNanos;
        long firstNanos;
        double maxCpu;
        long maxMemoryKb;
        long lastMemoryKb;

        double meanCpu() {
            return lastNanos == firstNanos ? 0 : (lastTicks - firstTicks) / Proc.TICKS_PER_SECOND
                    / ((lastNanos - firstNanos) / 1e9) * 100;
        }
    }

    private final List<Watched> watched;
    private long[] machineFirst;
    private long[] machineLast;
    private double maxMachine;
    private Periodically sampling;

    ProcessSampler(Map<String, Long> pids) {
        this.watched = pids.entrySet().stream()
                .map(entry -> new Watched(entry.getKey(), entry.getValue(), entry.getKey().equals("postgres")))
                .toList();
    }

    void start() {
        sampling = Periodically.start("process-sampler", Duration.ofSeconds(1), this::sample);
    }

    void stop() throws InterruptedException {
        sampling.stop();
        sample();
    }

    List<Watched> watched() {
        return watched;
    }

    /** The machine's busy share of all cores over the window, and its busiest second, in percent. */
    double[] machine() {
        double mean = machineFirst == null ? 0 : busy(machineFirst, machineLast);
        return new double[] {mean, maxMachine};
    }

    private synchronized void sample() {
        long now = System.nanoTime();
        for (Watched process : watched) {
            List<Long> pids = process.tree ? Proc.tree(process.pid) : List.of(process.pid);
            long ticks = 0;
            long memory = 0;
            for (long pid : pids) {
                ticks += Proc.ticks(pid, pid == process.pid && process.tree);
                memory += process.tree ? Proc.kilobytes(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:")
                        : Proc.kilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
            }
            if (ticks == 0) {
                continue; // gone, or not ours to read
            }
            if (process.firstTicks < 0) {
                process.firstTicks = ticks;
                process.firstNanos = now;
            } else {
                double seconds = (now - process.lastNanos) / 1e9;
                double cpu = (ticks - process.lastTicks) / Proc.TICKS_PER_SECOND / seconds * 100;
                process.maxCpu = Math.max(process.maxCpu, cpu);
            }
            process.lastTicks = ticks;
            process.lastNanos = now;
            process.lastMemoryKb = memory;
            process.maxMemoryKb = Math.max(process.maxMemoryKb, memory);
        }
        long[] machine = Proc.machineTicks();
        if (machineFirst == null) {
            machineFirst = machine;
        } else {
            maxMachine = Math.max(maxMachine, busy(machineLast, machine));
        }
        machineLast = machine;
    }

    private static double busy(long[] from, long[] to) {
        long total = to[0] - from[0];
        return total <= 0 ? 0 : 100.0 * (1 - (double) (to[1] - from[1]) / total);
    }

    static Map<String, Long> parse(String pids) {
        Map<String, Long> parsed = new LinkedHashMap<>();
        for (String pair : pids.split(",")) {
            String[] nameAndPid = pair.split("=");
            if (nameAndPid.length == 2 && !nameAndPid[1].isBlank()) {
                parsed.put(nameAndPid[0].strip(), Long.parseLong(nameAndPid[1].strip()));
            }
        }
        return parsed;
    }
}
