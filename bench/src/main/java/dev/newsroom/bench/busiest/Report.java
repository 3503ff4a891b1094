package dev.newsroom.bench.busiest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.HdrHistogram.Histogram;

/** The figures printed at the end of the busiest hour: per part, publish -> visible, errors, photos, processes. */
final class Report {

    /** What describes the run as a whole. */
    record Run(double scale, long measuredSeconds, int warmup, String loadBefore, String loadAfter, long unanswered) {
    }

    private Report() {
    }

    static List<String> lines(Run run, List<Part> calls, List<Part> seen, Part published, PictureDesk pictures,
            ProcessSampler sampler) {
        List<String> report = new ArrayList<>();
        report.add(String.format(Locale.ROOT, "the busiest hour at scale %.2f: %d s measured after %d s of warm-up;"
                + " latency from each call's due time (open model), publish -> visible from the call's return",
                run.scale(), run.measuredSeconds(), run.warmup()));
        report.add(String.format(Locale.ROOT, "%-36s %9s %9s %8s %9s %9s %9s %7s  %s", "part", "offered/s",
                "served/s", "count", "p50 ms", "p99 ms", "max ms", "errors", "answers"));
        for (Part part : calls) {
            report.add(row(part, run.measuredSeconds()));
        }
        report.add(String.format(Locale.ROOT, "%-36s %9s %9s %8s %9s %9s %9s %7s", "visible to readers, after the call",
                "", "seen/s", "stories", "p50 ms", "p99 ms", "max ms", "errors"));
        for (Part part : seen) {
            report.add(row(part, run.measuredSeconds()));
        }
        Histogram publishSeen = published.total();
        double p99 = publishSeen.getValueAtPercentile(99) / 1000.0;
        report.add(String.format(Locale.ROOT, "publish -> visible p99 %.1f ms: target <= 100 ms under this load, %s",
                p99, publishSeen.getTotalCount() > 0 && p99 <= 100 ? "met" : "MISSED"));
        long errors = calls.stream().mapToLong(Part::errors).sum() + seen.stream().mapToLong(Part::errors).sum();
        report.add(String.format(Locale.ROOT, "errors in all: %d (target 0); in the warm-up: %d; calls and polls still"
                + " unanswered 35 s after the end (counted nowhere above): %d", errors,
                calls.stream().mapToLong(Part::warmupErrors).sum() + seen.stream().mapToLong(Part::warmupErrors).sum(),
                run.unanswered()));
        report.add("arrivals sent more than 10 ms after their due time (the generator held back by its cap on calls"
                + " out at once, or short of CPU; their latency still counts from the due time): "
                + Arrivals.LATE.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue().sum())
                        .collect(Collectors.joining(", ")));
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
                Runtime.getRuntime().availableProcessors(), machine[0], machine[1], run.loadBefore(), run.loadAfter()));
        List<String> samples = new ArrayList<>();
        for (Part part : Stream.concat(calls.stream(), seen.stream()).toList()) {
            part.samples().forEach(sample -> samples.add("  " + part.name + ": " + sample));
        }
        if (!samples.isEmpty()) {
            report.add("first errors of each part:");
            report.addAll(samples);
        }
        return report;
    }

    private static String row(Part part, long seconds) {
        Histogram total = part.total();
        String answers = part.outcomes().entrySet().stream().map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining(" "));
        return String.format(Locale.ROOT, "%-36s %9s %9.2f %8d %9.1f %9.1f %9.1f %7d  %s", part.name,
                part.offeredPerSecond > 0 ? String.format(Locale.ROOT, "%.2f", part.offeredPerSecond) : "",
                part.servedInWindow() / (double) seconds, total.getTotalCount(),
                total.getValueAtPercentile(50) / 1000.0, total.getValueAtPercentile(99) / 1000.0,
                total.getMaxValue() / 1000.0, part.errors(), answers);
    }
}
