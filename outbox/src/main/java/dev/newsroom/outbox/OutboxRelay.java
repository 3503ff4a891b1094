package dev.newsroom.outbox;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import dev.newsroom.observability.NamedThreads;
import dev.newsroom.observability.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Context;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Sends committed outbox events to Kafka in sequence order and marks them sent only after the broker
 * acknowledged them. Woken right after each commit; a periodic poll catches anything a crash or an
 * outage left behind. Across replicas of a service a PostgreSQL advisory lock lets one relay drain its outbox at a
 * time, which keeps per-aggregate order; each service has a lock of its own, since services may share a database.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    /** The class of the relays' advisory locks ("outb"); the second key names the service. */
    private static final int ADVISORY_LOCK_CLASS = 0x6f757462;
    private static final String CE_TRACEPARENT = "ce_traceparent";

    private final Emitter<String> emitter;
    private final EntityManager entities;
    private final URI source;
    private final int[] advisoryLock;
    private final Duration sendTimeout;
    private final Clock clock;
    private final Counter sent;
    private final Counter failures;
    private final AtomicInteger wakeups = new AtomicInteger();
    /** The sends of the last pass, until each was acknowledged or given up by the sink. */
    private volatile CompletableFuture<Void> inFlight;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(NamedThreads.daemon("outbox-relay"));

    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<String> emitter, EntityManager entities, MeterRegistry metrics,
            // Quarkus' own property: the CloudEvents source is the service's name.
            @ConfigProperty(name = "quarkus.application.name") String applicationName, OutboxConfig config,
            Clock clock) {
        this.emitter = emitter;
        this.entities = entities;
        this.source = URI.create("/" + applicationName);
        this.advisoryLock = advisoryLock(applicationName);
        this.sendTimeout = config.sendTimeout();
        this.clock = clock;
        this.sent = metrics.counter("newsroom.outbox.sent");
        this.failures = metrics.counter("newsroom.outbox.failures");
    }

    /** The two keys of the advisory lock the relays of this service take (pg_advisory_xact_lock(int, int)). */
    public static int[] advisoryLock(String applicationName) {
        return new int[] {ADVISORY_LOCK_CLASS, applicationName.hashCode()};
    }

    void onStop(@Observes ShutdownEvent stop) {
        worker.shutdown();
        try {
            worker.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Safety net for events whose wake-up was lost (crash after commit, broker outage, another replica).
     * Its first run, a few seconds after start-up when the emitter is connected, sends what a previous
     * process committed but never sent.
     */
    @Scheduled(every = "${newsroom.outbox.poll-interval:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        wake();
    }

    /** Asks for a drain; wake-ups that arrive while one runs fold into one more pass. */
    public void wake() {
        if (wakeups.getAndIncrement() == 0 && !worker.isShutdown()) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        int seen;
        do {
            seen = wakeups.get();
            try {
                Pass pass;
                do {
                    pass = relayBatch();
                } while (pass.failure() == null && pass.read() == BATCH); // a full batch: there may be more waiting
                if (pass.failure() != null) {
                    failures.increment();
                    Log.warnf("outbox relay: %d of %d event(s) acknowledged, the rest will be retried: %s",
                            pass.acknowledged(), pass.read(), pass.failure());
                }
            } catch (RuntimeException e) {
                failures.increment();
                Log.warnf("outbox relay: sending failed, will retry: %s", e.getMessage());
            }
        } while (wakeups.addAndGet(-seen) > 0);
    }

    /** What one pass did: events read, events the broker acknowledged (now marked sent), why the rest were not. */
    record Pass(int read, int acknowledged, String failure) {
        static final Pass NOTHING = new Pass(0, 0, null);
    }

    /**
     * One transaction: lock, read a batch, send it, wait for the acknowledgements, mark sent exactly the events the
     * broker acknowledged. Events of one aggregate leave one after another: SmallRye's Kafka sink re-sends a failed
     * record by itself, so two events of one aggregate in flight together could swap places on the topic.
     */
    Pass relayBatch() {
        CompletableFuture<Void> previous = inFlight;
        if (previous != null && !previous.isDone()) {
            // The last pass stopped waiting while the sink was still retrying: a second copy sent now could overtake
            // a later event of the same aggregate. The next wake-up or poll tries again.
            return Pass.NOTHING;
        }
        return QuarkusTransaction.requiringNew().timeout((int) sendTimeout.toSeconds() + 30).call(() -> {
            // One lock for every service gave a service's pass a miss whenever another's ran (each polls every 2 s),
            // and its events then waited for the next poll.
            Boolean locked = (Boolean) entities.createNativeQuery("select pg_try_advisory_xact_lock(:class, :service)")
                    .setParameter("class", advisoryLock[0]).setParameter("service", advisoryLock[1])
                    .getSingleResult();
            if (!locked) {
                return Pass.NOTHING;
            }
            List<OutboxEvent> batch = OutboxEvent.find("sentAt is null order by sequence").page(0, BATCH).list();
            if (batch.isEmpty()) {
                return Pass.NOTHING;
            }
            Map<String, CompletableFuture<Void>> lastOfAggregate = new HashMap<>();
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                CompletableFuture<Void> before = lastOfAggregate.get(event.aggregateId);
                CompletableFuture<Void> ack = before == null ? send(event) : before.thenCompose(acked -> send(event));
                lastOfAggregate.put(event.aggregateId, ack);
                acks.add(ack);
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
            inFlight = all;
            String failure = await(all);
            Instant now = clock.instant();
            int acknowledged = 0;
            for (int i = 0; i < batch.size(); i++) {
                CompletableFuture<Void> ack = acks.get(i);
                if (ack.isDone() && !ack.isCompletedExceptionally()) {
                    batch.get(i).sentAt = now;
                    acknowledged++;
                }
            }
            sent.increment(acknowledged);
            return new Pass(batch.size(), acknowledged, failure);
        });
    }

    /** Waits for every send to end; returns why not all were acknowledged, or {@code null} when they were. */
    private String await(CompletableFuture<Void> all) {
        try {
            all.get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException wrapped && wrapped.getCause() != null
                    ? wrapped.getCause() : e.getCause();
            return "the broker did not acknowledge: " + cause;
        } catch (TimeoutException e) {
            return "no acknowledgement within " + sendTimeout;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted while waiting for acknowledgements";
        }
    }

    private CompletableFuture<Void> send(OutboxEvent event) {
        CompletableFuture<Void> acked = new CompletableFuture<>();
        OutgoingCloudEventMetadata<Object> cloudEvent = OutgoingCloudEventMetadata.builder()
                .withId(event.eventId.toString())
                .withType(event.type)
                .withSource(source)
                .withSubject(event.aggregateId)
                .withTimestamp(event.occurredAt.atZone(ZoneOffset.UTC))
                .withDataContentType("application/json")
                .build();
        OutgoingKafkaRecordMetadata.OutgoingKafkaRecordMetadataBuilder<String> record = OutgoingKafkaRecordMetadata
                .<String>builder().withKey(event.aggregateId);
        if (event.traceparent != null) {
            // CloudEvents' distributed-tracing extension: the context in which the event was written. The connector
            // adds the W3C traceparent header of its send span, a child of that context (TracingMetadata below).
            record.withHeaders(new RecordHeaders().add(CE_TRACEPARENT, event.traceparent.getBytes(StandardCharsets.UTF_8)));
        }
        Context parent = TraceContext.parent(event.traceparent);
        Message<String> message = Message.of(event.payload,
                Metadata.of(cloudEvent, record.build(), TracingMetadata.with(parent, parent)),
                () -> {
                    acked.complete(null);
                    return CompletableFuture.completedFuture(null);
                },
                failure -> {
                    acked.completeExceptionally(failure);
                    return CompletableFuture.completedFuture(null);
                });
        emitter.send(message);
        return acked;
    }
}
