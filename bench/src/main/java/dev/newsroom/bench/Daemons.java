package dev.newsroom.bench;

import java.util.concurrent.ThreadFactory;

/** Named daemon threads, so that a benchmark's helpers never keep its JVM alive and show by name in a dump. */
public final class Daemons {

    private Daemons() {
    }

    /** An unstarted daemon thread. */
    public static Thread thread(String name, Runnable task) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** Makes the threads of an executor daemons with this name. */
    public static ThreadFactory named(String name) {
        return task -> thread(name, task);
    }
}
