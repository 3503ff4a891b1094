package dev.newsroom.bench.busiest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One part of the load (editors' saves, feed GETs, ...): latencies in an HdrHistogram, answers counted by outcome,
 * errors kept apart with a few samples to quote. Only what was scheduled inside the measured window is counted;
 * the warm-up's errors are counted too, on their own line, since the target is no error at all.
 */
final class Part {

    private static final int SAMPLES = 5;

    final String name;
    final String label;
    final double offeredPerSecond;
    private final Window window;
    private final LongAdder servedInWindow = new LongAdder();
    private final Recorder recorder = new Recorder(3);
    private final Histogram total = new Histogram(3);
    private Histogram interval;
    private final Map<String, LongAdder> outcomes = new ConcurrentSkipListMap<>();
    private final LongAdder errors = new LongAdder();
    private final LongAdder warmupErrors = new LongAdder();
    private final List<String> samples = new ArrayList<>();
    private final List<String> warmupSamples = new ArrayList<>();

    /** label: a short name for the progress lines; offeredPerSecond: the schedule's rate, 0 where none. */
    Part(Window window, String name, String label, double offeredPerSecond) {
        this.window = window;
        this.name = name;
        this.label = label;
        this.offeredPerSecond = offeredPerSecond;
    }

    void ok(boolean measured, long latencyNanos, String outcome) {
        if (window.during(System.nanoTime())) {
            servedInWindow.increment();
        }
        if (measured) {
            recorder.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
            outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
        }
    }

    /** An error: a status nobody should get, no answer at all, or a story that never showed. */
    void error(boolean measured, long latencyNanos, String outcome, String detail) {
        if (!measured) {
            warmupErrors.increment();
            sample(warmupSamples, "warm-up: " + detail);
            return;
        }
        recorder.recordValue(Math.max(1, TimeUnit.NANOSECONDS.toMicros(latencyNanos)));
        outcomes.computeIfAbsent(outcome, key -> new LongAdder()).increment();
        errors.increment();
        sample(samples, detail);
    }

    private static void sample(List<String> samples, String detail) {
        synchronized (samples) {
            if (samples.size() < SAMPLES) {
                samples.add(detail.length() > 400 ? detail.substring(0, 400) + "..." : detail);
            }
        }
    }

    /** What arrived since the last call, added to the total; for the progress lines. */
    synchronized Histogram sinceLast() {
        interval = recorder.getIntervalHistogram(interval);
        total.add(interval);
        return interval;
    }

    synchronized Histogram total() {
        sinceLast();
        return total;
    }

    /** Good answers that arrived inside the measured window, whenever they were due: what the service kept up with. */
    long servedInWindow() {
        return servedInWindow.sum();
    }

    long errors() {
        return errors.sum();
    }

    long warmupErrors() {
        return warmupErrors.sum();
    }

    Map<String, Long> outcomes() {
        Map<String, Long> copy = new ConcurrentSkipListMap<>();
        outcomes.forEach((key, value) -> copy.put(key, value.sum()));
        return copy;
    }

    /** The first errors of the measured window, then the first of the warm-up. */
    List<String> samples() {
        List<String> all = new ArrayList<>();
        synchronized (samples) {
            all.addAll(samples);
        }
        synchronized (warmupSamples) {
            all.addAll(warmupSamples);
        }
        return all;
    }
}
