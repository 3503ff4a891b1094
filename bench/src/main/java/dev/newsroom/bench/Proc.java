package dev.newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** What Linux's /proc says about CPU time and memory, for the tools that measure what a run costs. */
public final class Proc {

    /** USER_HZ: /proc counts CPU time in hundredths of a second. */
    public static final double TICKS_PER_SECOND = 100;

    private Proc() {
    }

    /** utime + stime of a process, with its reaped children's when {@code withReaped}; 0 when it is gone. */
    public static long ticks(long pid, boolean withReaped) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return withReaped ? ticks + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : ticks;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** A process and its children (PostgreSQL's postmaster and its backends); empty when it is gone. */
    public static List<Long> tree(long parent) {
        return ProcessHandle.of(parent).map(handle -> Stream.concat(Stream.of(handle), handle.children())
                .map(ProcessHandle::pid).toList()).orElse(List.of());
    }

    /** The machine's total and idle jiffies since boot, over all cores. */
    public static long[] machineTicks() {
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

    /** A "Name: value kB" line of a /proc file such as status or smaps_rollup, in kilobytes; 0 when absent. */
    public static long kilobytes(Path file, String field) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.filter(line -> line.startsWith(field)).findFirst()
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
