package dev.newsroom.outbox;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

/**
 * Sends committed outbox events to Kafka in sequence order and marks them sent only after the broker
 * acknowledged them. Woken right after each commit; a periodic poll catches anything a crash or an
 * outage left behind. Across replicas a PostgreSQL advisory lock lets one relay drain at a time, which
 * keeps per-aggregate order.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final int BATCH = 200;
    private static final long ADVISORY_LOCK = 0x6f7574626f78L;

    private final Emitter<String> emitter;
    private final EntityManager entities;
    private final URI source;
    private final Duration sendTimeout;
    private final Counter sent;
    private final Counter failures;
    private final AtomicInteger wakeups = new AtomicInteger();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });

    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 4096)
            Emitter<String> emitter, EntityManager entities, MeterRegistry metrics,
            @ConfigProperty(name = "quarkus.application.name") String applicationName,
            @ConfigProperty(name = "newsroom.outbox.send-timeout", defaultValue = "PT30S") Duration sendTimeout) {
        this.emitter = emitter;
        this.entities = entities;
        this.source = URI.create("/" + applicationName);
        this.sendTimeout = sendTimeout;
        this.sent = metrics.counter("newsroom.outbox.sent");
        this.failures = metrics.counter("newsroom.outbox.failures");
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
                while (relayBatch() == BATCH) {
                    // a full batch: there may be more waiting
                }
            } catch (RuntimeException e) {
                failures.increment();
                Log.warnf("outbox relay: sending failed, will retry: %s", e.getMessage());
            }
        } while (wakeups.addAndGet(-seen) > 0);
    }

    /** One transaction: lock, read a batch, send it, wait for every acknowledgement, mark it sent. */
    int relayBatch() {
        return QuarkusTransaction.requiringNew().timeout((int) sendTimeout.toSeconds() + 30).call(() -> {
            Boolean locked = (Boolean) entities.createNativeQuery("select pg_try_advisory_xact_lock(:key)")
                    .setParameter("key", ADVISORY_LOCK).getSingleResult();
            if (!locked) {
                return 0;
            }
            List<OutboxEvent> batch = OutboxEvent.find("sentAt is null order by sequence").page(0, BATCH).list();
            if (batch.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<Void>> acks = new ArrayList<>(batch.size());
            for (OutboxEvent event : batch) {
                acks.add(send(event));
            }
            try {
                CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                        .get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                Throwable cause = e.getCause() != null ? e.getCause() : e;
                throw new IllegalStateException("broker did not acknowledge " + batch.size() + " event(s): "
                        + cause, cause);
            }
            Instant now = Instant.now();
            batch.forEach(event -> event.sentAt = now);
            sent.increment(batch.size());
            return batch.size();
        });
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
        OutgoingKafkaRecordMetadata<String> record = OutgoingKafkaRecordMetadata.<String>builder()
                .withKey(event.aggregateId)
                .build();
        Message<String> message = Message.of(event.payload, Metadata.of(cloudEvent, record),
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
