package dev.newsroom.outbox;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.observability.TraceContext;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import lombok.RequiredArgsConstructor;

/** Appends events to the outbox inside the caller's transaction and wakes the relay once it commits. */
@RequiredArgsConstructor
@ApplicationScoped
public class Outbox {

    private final ObjectMapper json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final Tracer tracer;

    /** Records an event; it reaches Kafka only if the surrounding transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public OutboxEvent append(String aggregateId, String type, Object data, Instant occurredAt) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.aggregateId = aggregateId;
        event.type = type;
        event.occurredAt = occurredAt;
        try {
            event.payload = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("event data cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        // A span of its own, whose context the row keeps: the relay's send (and each consumer) continues it later.
        Span span = tracer.spanBuilder("outbox append " + type).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("newsroom.aggregate.id", aggregateId)
                .setAttribute("newsroom.event.id", event.eventId.toString())
                .setAttribute("newsroom.event.type", type)
                .startSpan();
        try (Scope ignored = span.makeCurrent()) {
            event.traceparent = TraceContext.traceparent(Context.current());
            event.persist();
        } finally {
            span.end();
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
        return event;
    }

    /** The events of one aggregate in the order they were (or will be) sent, for operators. */
    @Transactional
    public List<OutboxEvent> history(String aggregateId) {
        return OutboxEvent.list("aggregateId = ?1 order by sequence", aggregateId);
    }
}
