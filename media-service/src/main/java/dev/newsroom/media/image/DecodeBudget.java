package dev.newsroom.media.image;

import java.util.concurrent.Semaphore;

/**
 * The memory that images being decoded may hold together. Each decode reserves its {@link DecodeCost} first and waits
 * while others hold too much, so many concurrent uploads queue instead of exhausting the heap. Fair, so that a large
 * image is not overtaken forever by small ones.
 */
public final class DecodeBudget {

    /** What the service itself keeps live besides decodes: Hibernate, Kafka clients, request buffers, rendition bytes. */
    static final long SERVICE_RESERVE = 192L * 1024 * 1024;
    private static final long MINIMUM = 64L * 1024 * 1024;
    private static final int UNIT = 1024;

    private final long bytes;
    private final int permits;
    private final Semaphore kibibytes;

    public DecodeBudget(long bytes) {
        if (bytes < UNIT || bytes / UNIT > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("a decode budget is between 1 KiB and 2 TiB, got " + bytes + " bytes");
        }
        this.bytes = bytes;
        this.permits = (int) (bytes / UNIT);
        this.kibibytes = new Semaphore(permits, true);
    }

    /** The maximum heap of this JVM less what the service needs besides decoding (at least 64 MiB). */
    public static DecodeBudget fromHeap() {
        return new DecodeBudget(Math.max(MINIMUM, Runtime.getRuntime().maxMemory() - SERVICE_RESERVE));
    }

    public long bytes() {
        return bytes;
    }

    /** Whether one image of this cost may ever be decoded here; one that may not is refused before it waits. */
    boolean admits(long cost) {
        return cost <= bytes;
    }

    /** Holds {@code cost} bytes of the budget until the returned reservation is closed. */
    Reservation reserve(long cost) {
        int units = (int) Math.min(permits, Math.max(1, (cost + UNIT - 1) / UNIT));
        kibibytes.acquireUninterruptibly(units);
        return () -> kibibytes.release(units);
    }

    /** Bytes not reserved at this moment, for tests and metrics. */
    long available() {
        return (long) kibibytes.availablePermits() * UNIT;
    }

    /** A held part of the budget; closing it gives the part back. */
    interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
