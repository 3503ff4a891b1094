package dev.newsroom.bench.busiest;

import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

import dev.newsroom.bench.Daemons;

/**
 * A fixed-rate schedule (open model): arrival i is due at start + i / rate whatever the answers do, on a thread of
 * its own. The due time goes to the part, which measures its latency from it, so a slow server cannot slow the
 * offered load nor hide its queueing behind a waiting client (no coordinated omission).
 */
final class Arrivals {

    /** What a part does with one arrival: start a request, never wait for it. */
    interface Arrival {
        void arrive(long index, long dueNanos);
    }

    /** Per schedule, the arrivals sent more than 10 ms after their due time (the generator held back or busy). */
    static final Map<String, LongAdder> LATE = new ConcurrentSkipListMap<>();
    private static final long LATE_NANOS = 10_000_000L;

    private Arrivals() {
    }

    /** Starts the schedule; the thread ends after the last arrival due before endNanos. */
    static Thread start(String name, double perSecond, long startNanos, long endNanos, Arrival arrival) {
        LongAdder late = LATE.computeIfAbsent(name, key -> new LongAdder());
        Thread thread = Daemons.thread("arrivals-" + name, () -> {
            if (perSecond <= 0) {
                return;
            }
            double period = 1e9 / perSecond;
            for (long i = 0; ; i++) {
                long due = startNanos + (long) (i * period);
                if (due >= endNanos) {
                    return;
                }
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                } else if (wait < -LATE_NANOS) {
                    late.increment(); // the generator itself is behind; the latency still counts from the due time
                }
                arrival.arrive(i, due);
            }
        });
        thread.start();
        return thread;
    }
}
