package dev.newsroom.local;

import java.lang.instrument.Instrumentation;

/**
 * Java agent that links every loaded class of a service just before its start-up archive is written
 * (local-platform/jvm.sh loads it with {@code jcmd <pid> JVMTI.agent_load}).
 *
 * <p>A JDK 17 dynamic archive keeps only linked classes, and the JDK links the classes of its own class loaders before
 * the dump but not those of Quarkus' class loader: about 3,300 of article-service's classes, loaded while other classes
 * were verified but never linked themselves, were left out and parsed again at every start. Reflection links a class
 * (verification, no static initialiser runs), and linking can load further classes, hence the rounds.
 */
public final class ClassLinker {

    private static final int ROUNDS = 3;

    private ClassLinker() {
    }

    /** Entry point of the agent: links what the service has loaded and reports the counts on its standard error. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        Counts counts = new Counts(0, 0);
        for (int round = 0; round < ROUNDS; round++) {
            counts = link(instrumentation.getAllLoadedClasses());
        }
        System.err.println("start-up archive: " + counts.linked() + " classes linked, " + counts.failed()
                + " failed to link (they stay out of the archive)");
    }

    /** Links each class; one that fails (a missing optional dependency, bad bytecode) is counted and skipped. */
    static Counts link(Class<?>[] classes) {
        int linked = 0;
        int failed = 0;
        for (Class<?> type : classes) {
            if (type.isArray() || type.isPrimitive() || type.isHidden()) {
                continue;
            }
            try {
                type.getDeclaredFields();
                linked++;
            } catch (Throwable unlinkable) { // LinkageError and whatever a broken class throws: never the service's
                failed++;
            }
        }
        return new Counts(linked, failed);
    }

    /** Classes linked and classes that failed to link, in one pass. */
    record Counts(int linked, int failed) {
    }
}
