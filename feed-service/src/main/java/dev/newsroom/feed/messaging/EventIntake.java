package dev.newsroom.feed.messaging;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;

import dev.newsroom.feed.repository.WriteMode;
import dev.newsroom.feed.service.AppliedChanges;
import dev.newsroom.feed.service.FeedChanges;
import dev.newsroom.events.MalformedEventException;
import dev.newsroom.feed.service.ReadModelEvent;
import dev.newsroom.feed.service.ReadModelUpdater;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ApplicationLifecycleManager;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Takes a polled batch of records into the read model: decodes each, applies the good ones in one transaction, and
 * sets apart what cannot be understood. A failure that will pass (the database is away) is retried with backoff,
 * holding the batch, so no good event is lost; a failure the database raises for one event is found by applying the
 * batch one event at a time, and only that event is set apart. Once the application is stopping, no failure is the
 * event's: the database connections are being closed under the batch, which stays unacknowledged and is consumed
 * again by the next incarnation or another replica (a rolling restart under load dead-lettered 68 good stories).
 */
@ApplicationScoped
public class EventIntake {

    private static final long FIRST_BACKOFF_MILLIS = 200;
    private static final long MAX_BACKOFF_MILLIS = 10_000;

    private final ReadModelUpdater updater;
    private final FeedChanges changes;
    private final DeadLetters deadLetters;
    private final Counter retries;
    private volatile boolean stopping;

    public EventIntake(ReadModelUpdater updater, FeedChanges changes, DeadLetters deadLetters,
            MeterRegistry metrics) {
        this.updater = updater;
        this.changes = changes;
        this.deadLetters = deadLetters;
        this.retries = Counter.builder("newsroom.feed.consumer.retries")
                .description("batches retried because the read model could not be written for a while")
                .register(metrics);
    }

    /** The application stops: from now on a failing batch is left unacknowledged. */
    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** What happened to a record that could not be applied. */
    interface Rejection {
        void reject(ConsumerRecord<String, String> record, RuntimeException reason);
    }

    /** A poll's records as one list: per partition in offset order, which is all the order Kafka promises. */
    static List<ConsumerRecord<String, String>> inOrder(ConsumerRecords<String, String> polled) {
        List<ConsumerRecord<String, String>> records = new ArrayList<>(polled.count());
        polled.forEach(records::add);
        return records;
    }

    /** Live consumption: what cannot be understood goes to the dead-letter topic. */
    public void take(List<ConsumerRecord<String, String>> records,
            Function<ConsumerRecord<String, String>, ReadModelEvent> decoder) {
        AppliedChanges applied = apply(records, decoder, WriteMode.LIVE, deadLetters::send);
        changes.committed(applied);
    }

    /** A rebuild's replay: what cannot be understood was dead-lettered when it first came, so it is only counted. */
    public Replayed replay(List<ConsumerRecord<String, String>> records,
            Function<ConsumerRecord<String, String>, ReadModelEvent> decoder, long generation) {
        int[] skipped = {0};
        AppliedChanges applied = apply(records, decoder, WriteMode.rebuild(generation), (record, reason) -> {
            skipped[0]++;
            Log.debugf("rebuild skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                    reason.getMessage());
        });
        changes.committed(applied);
        return new Replayed(records.size() - skipped[0], skipped[0]);
    }

    /** How many records a replayed batch applied and skipped. */
    public record Replayed(int applied, int skipped) {
    }

    AppliedChanges apply(List<ConsumerRecord<String, String>> records,
            Function<ConsumerRecord<String, String>, ReadModelEvent> decoder, WriteMode mode, Rejection rejection) {
        List<ConsumerRecord<String, String>> understood = new ArrayList<>(records.size());
        List<ReadModelEvent> events = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            try {
                events.add(decoder.apply(record));
                understood.add(record);
            } catch (MalformedEventException e) {
                rejection.reject(record, e);
            } catch (RuntimeException e) {
                // a record the reader trips over is as unreadable as a malformed one: it must not stop the topic
                rejection.reject(record, new MalformedEventException("unreadable record: " + e, e));
            }
        }
        if (events.isEmpty()) {
            return AppliedChanges.NONE;
        }
        try {
            return withRetries(events, mode);
        } catch (Interrupted e) {
            throw e;
        } catch (RuntimeException batchFailure) {
            Log.warnf("a batch of %d events failed (%s); applying them one by one to find the cause",
                    events.size(), batchFailure.getMessage());
            return oneByOne(understood, events, mode, rejection);
        }
    }

    private AppliedChanges oneByOne(List<ConsumerRecord<String, String>> records, List<ReadModelEvent> events,
            WriteMode mode, Rejection rejection) {
        AppliedChanges total = AppliedChanges.NONE;
        for (int i = 0; i < events.size(); i++) {
            try {
                total = merge(total, withRetries(List.of(events.get(i)), mode));
            } catch (Interrupted e) {
                throw e;
            } catch (RuntimeException e) {
                rejection.reject(records.get(i), e);
            }
        }
        return total;
    }

    /** Applies the events, retrying for as long as the failure is one that passes; throws any other failure. */
    private AppliedChanges withRetries(List<ReadModelEvent> events, WriteMode mode) {
        long backoff = FIRST_BACKOFF_MILLIS;
        while (true) {
            try {
                return updater.apply(events, mode);
            } catch (RuntimeException e) {
                // SIGTERM starts the JVM's shutdown hook before anything is closed; the event covers other stops
                if (Thread.currentThread().isInterrupted() || stopping
                        || ApplicationLifecycleManager.isVmShuttingDown()) {
                    throw new Interrupted(e);
                }
                if (!Failures.isTransient(e)) {
                    throw e;
                }
                retries.increment();
                Log.warnf("the read model cannot be written (%s); retrying %d events in %d ms", e.getMessage(),
                        events.size(), backoff);
                pause(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
            }
        }
    }

    private static AppliedChanges merge(AppliedChanges a, AppliedChanges b) {
        if (!a.any()) {
            return b;
        }
        if (!b.any()) {
            return a;
        }
        var scopes = new LinkedHashSet<>(a.scopes());
        scopes.addAll(b.scopes());
        var times = new ArrayList<>(a.visibleEventTimes());
        times.addAll(b.visibleEventTimes());
        return new AppliedChanges(a.changed() + b.changed(), scopes, times);
    }

    private static void pause(long millis) {
        try {
            TimeUnit.MILLISECONDS.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Interrupted(e);
        }
    }

    /** The application is stopping: the batch stays unacknowledged and is consumed again after the restart. */
    static final class Interrupted extends RuntimeException {
        Interrupted(Throwable cause) {
            super("interrupted while applying events", cause);
        }
    }
}
