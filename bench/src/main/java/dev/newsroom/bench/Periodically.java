package dev.newsroom.bench;

import java.time.Duration;

/** A task run on a daemon thread every period until stopped: the benchmarks' samplers of memory and CPU. */
public final class Periodically {

    private final Thread thread;

    private Periodically(String name, Duration period, Runnable task) {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                task.run();
                try {
                    Thread.sleep(period.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, name);
        thread.setDaemon(true);
    }

    public static Periodically start(String name, Duration period, Runnable task) {
        Periodically periodically = new Periodically(name, period, task);
        periodically.thread.start();
        return periodically;
    }

    /** Stops the thread and waits for its last run to end. */
    public void stop() throws InterruptedException {
        thread.interrupt();
        thread.join();
    }
}
