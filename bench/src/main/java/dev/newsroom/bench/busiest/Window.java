package dev.newsroom.bench.busiest;

import java.util.concurrent.atomic.AtomicLong;

/** The measured window (after the warm-up), and how many calls are still out, so the end can wait for them. */
final class Window {

    private volatile long measureFrom = Long.MAX_VALUE;
    private volatile long measureUntil = Long.MAX_VALUE;
    private final AtomicLong out = new AtomicLong();

    void measure(long fromNanos, long untilNanos) {
        measureFrom = fromNanos;
        measureUntil = untilNanos;
    }

    boolean measured(long dueNanos) {
        return dueNanos >= measureFrom;
    }

    /** Whether an answer arriving now falls inside the measured window (for what the service served in it). */
    boolean during(long nowNanos) {
        return nowNanos >= measureFrom && nowNanos < measureUntil;
    }

    void sent() {
        out.incrementAndGet();
    }

    void done() {
        out.decrementAndGet();
    }

    long out() {
        return out.get();
    }

    static String describe(Throwable failure) {
        Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }
}
