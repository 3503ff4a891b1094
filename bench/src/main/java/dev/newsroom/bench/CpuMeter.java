package dev.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.LongStream;
import java.util.stream.Stream;

/**
 * CPU seconds used since it started, from /proc: by a service's process, by PostgreSQL (the postmaster and its
 * children, each counted from when it was first seen, so a backend that comes or goes does not skew the sum), by this
 * JVM, and how busy the whole machine was. Linux only; a pid not given or gone counts as 0.
 */
final class CpuMeter {

    /** Linux's USER_HZ: /proc counts CPU time in hundredths of a second. */
    private static final double TICKS_PER_SECOND = 100.0;

    private final String servicePid;
    private final String dbParent;
    private final long serviceBefore;
    private final Map<Long, Long> dbBefore = new HashMap<>();
    private final long selfBefore;
    private final long[] machineBefore;

    /** @param dbParent the postmaster's pid, or null */
    CpuMeter(String servicePid, String dbParent) {
        this.servicePid = servicePid;
        this.dbParent = dbParent;
        this.serviceBefore = ticks(servicePid);
        dbProcesses().forEach(pid -> dbBefore.put(pid, ticks(Long.toString(pid))));
        this.selfBefore = ticks(Long.toString(ProcessHandle.current().pid()));
        this.machineBefore = machine();
    }

    double serviceSeconds() {
        return (ticks(servicePid) - serviceBefore) / TICKS_PER_SECOND;
    }

    double dbSeconds() {
        long ticks = dbProcesses().map(pid -> ticks(Long.toString(pid)) - dbBefore.getOrDefault(pid, 0L)).sum();
        return ticks / TICKS_PER_SECOND;
    }

    double selfSeconds() {
        return (ticks(Long.toString(ProcessHandle.current().pid())) - selfBefore) / TICKS_PER_SECOND;
    }

    /** The share of the machine's CPU time (all cores) that was not idle, 0 to 1. */
    double machineBusy() {
        long[] after = machine();
        return 1.0 - (double) (after[1] - machineBefore[1]) / Math.max(1, after[0] - machineBefore[0]);
    }

    private LongStream dbProcesses() {
        if (dbParent == null || dbParent.isBlank()) {
            return LongStream.empty();
        }
        return ProcessHandle.of(Long.parseLong(dbParent.strip()))
                .map(parent -> Stream.concat(Stream.of(parent), parent.children()).mapToLong(ProcessHandle::pid))
                .orElse(LongStream.empty());
    }

    /** utime + stime of a process and its reaped children, in clock ticks. */
    private static long ticks(String pid) {
        if (pid == null || pid.isBlank()) {
            return 0;
        }
        try {
            String stat = Files.readString(Path.of("/proc", pid.strip(), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Total and idle jiffies of the machine. */
    private static long[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < cpu.length; i++) {
                total += Long.parseLong(cpu[i]);
            }
            return new long[] {total, Long.parseLong(cpu[4]) + Long.parseLong(cpu[5])};
        } catch (IOException | RuntimeException e) {
            return new long[] {0, 0};
        }
    }
}
