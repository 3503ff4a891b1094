package dev.newsroom.bench.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.newsroom.bench.CpuMeter;
import dev.newsroom.bench.Proc;

/**
 * The drills' load (5 publishes/s, 500 feed GETs/s through the balancers) for two minutes with nothing restarted: what
 * the machine carries when no part is down, and where its CPU goes. The rolls are judged against this baseline, so a
 * target a roll misses here too is the machine's, not the roll's.
 */
final class Steady {

    private static final double PUBLISHES = 5;
    private static final double READS = 500;
    private static final long SECONDS = 120;
    private static final List<String> PARTS = List.of("kafka-1", "kafka-2", "kafka-3", "article-1", "article-2",
            "media-1", "media-2", "feed-1", "feed-2");

    boolean run(Platform platform) throws Exception {
        Cluster cluster = new Cluster(platform);
        Report report = new Report("the load alone, nothing restarted, " + PUBLISHES + " publishes/s and " + READS
                + " feed GETs/s for " + SECONDS + " s");
        Map<String, Long> pids = new LinkedHashMap<>();
        PARTS.forEach(part -> pids.put(part, cluster.pid(part)));
        pids.put("haproxy", firstLine(cluster.data.resolve("balancer/haproxy.pid")));
        Map<String, Long> before = ticks(pids);
        // PostgreSQL (its postmaster and backends), this JVM (the load) and the whole machine
        long postmaster = firstLine(cluster.data.resolve("postgres/cluster/postmaster.pid"));
        CpuMeter shared = new CpuMeter(null, String.valueOf(postmaster));
        ClusterLoad load = new ClusterLoad(platform, "steady", PUBLISHES, READS);
        try {
            Thread.sleep(SECONDS * 1000);
        } finally {
            load.close();
        }
        Map<String, Long> after = ticks(pids);
        StringBuilder cpu = new StringBuilder();
        before.forEach((part, ticks) -> cpu.append(String.format("%s %.0f%%, ", part,
                100 * (after.get(part) - ticks) / Proc.TICKS_PER_SECOND / SECONDS)));
        report.note("CPU per part (100%% = one core): %spostgres %.0f%%, load %.0f%%", cpu,
                100 * shared.dbSeconds() / SECONDS, 100 * shared.selfSeconds() / SECONDS);
        report.note("the machine (2 cores) busy %.0f%% of the time", 100 * shared.machineBusy());
        load.report(report);
        load.checkDelivered(report);
        return report.passed();
    }

    private static Map<String, Long> ticks(Map<String, Long> pids) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        pids.forEach((part, pid) -> ticks.put(part, Proc.ticks(pid, false)));
        return ticks;
    }

    private static long firstLine(Path file) {
        try {
            return Long.parseLong(Files.readAllLines(file).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
