package dev.newsroom.bench;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU seconds used since it started, from /proc: by a service's process, by PostgreSQL (the postmaster and its
 * children, each counted from when it was first seen, so a backend that comes or goes does not skew the sum), by this
 * JVM, and how busy the whole machine was. Linux only; a pid not given or gone counts as 0.
 */
public final class CpuMeter {

    private final Long servicePid;
    private final Long dbParent;
    private final long serviceBefore;
    private final Map<Long, Long> dbBefore = new HashMap<>();
    private final long selfBefore;
    private final long[] machineBefore;

    /** @param servicePid the service's pid, blank or null when unknown; @param dbParent the postmaster's, likewise */
    public CpuMeter(String servicePid, String dbParent) {
        this.servicePid = pid(servicePid);
        this.dbParent = pid(dbParent);
        this.serviceBefore = ticks(this.servicePid);
        dbProcesses().forEach(pid -> dbBefore.put(pid, ticks(pid)));
        this.selfBefore = ticks(ProcessHandle.current().pid());
        this.machineBefore = Proc.machineTicks();
    }

    double serviceSeconds() {
        return (ticks(servicePid) - serviceBefore) / Proc.TICKS_PER_SECOND;
    }

    public double dbSeconds() {
        long ticks = dbProcesses().stream().mapToLong(pid -> ticks(pid) - dbBefore.getOrDefault(pid, 0L)).sum();
        return ticks / Proc.TICKS_PER_SECOND;
    }

    public double selfSeconds() {
        return (ticks(ProcessHandle.current().pid()) - selfBefore) / Proc.TICKS_PER_SECOND;
    }

    /** The share of the machine's CPU time (all cores) that was not idle, 0 to 1. */
    public double machineBusy() {
        long[] after = Proc.machineTicks();
        return 1.0 - (double) (after[1] - machineBefore[1]) / Math.max(1, after[0] - machineBefore[0]);
    }

    private List<Long> dbProcesses() {
        return dbParent == null ? List.of() : Proc.tree(dbParent);
    }

    private static long ticks(Long pid) {
        return pid == null ? 0 : Proc.ticks(pid, false);
    }

    private static Long pid(String text) {
        return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
    }
}
