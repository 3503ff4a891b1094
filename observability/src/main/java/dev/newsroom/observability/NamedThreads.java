package dev.newsroom.observability;

import java.util.concurrent.ThreadFactory;

/** Threads a service starts for itself: named, so a thread dump or profile says whose they are, and daemons. */
public final class NamedThreads {

    private NamedThreads() {
    }

    /** Daemon threads called {@code name}: none of them holds the JVM open when the service stops. */
    public static ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
