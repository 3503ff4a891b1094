package dev.newsroom.feed.messaging;

import java.util.ArrayList;
import java.util.List;

import lombok.RequiredArgsConstructor;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * One span around taking a polled batch into the read model, so that the read-model write and the cache drop
 * inside it belong to the story's trace: its parent is the connector's receive span of the batch's first record
 * (which continues the producer's send), and it links to the receive spans of the others, which may belong to other
 * traces. Live, a batch is mostly one event, so publish -> visible reads as one trace.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class BatchSpan {

    private final Tracer tracer;

    public void around(String topic, List<ConsumerRecord<String, String>> records,
            IncomingKafkaRecordBatchMetadata<String, String> batch, Runnable work) {
        List<Context> received = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            TracingMetadata tracing = batch == null ? null : batch.getMetadataForRecord(record, TracingMetadata.class);
            if (tracing != null && tracing.getCurrentContext() != null) {
                received.add(tracing.getCurrentContext());
            }
        }
        SpanBuilder builder = tracer.spanBuilder("feed apply " + topic).setSpanKind(SpanKind.INTERNAL)
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.batch.message_count", (long) records.size());
        if (received.isEmpty()) {
            builder.setNoParent();
        } else {
            builder.setParent(received.get(0));
            received.stream().skip(1).map(context -> Span.fromContext(context).getSpanContext())
                    .filter(SpanContext::isValid).forEach(builder::addLink);
        }
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            work.run();
        } catch (RuntimeException | Error e) {
            span.recordException(e);
            span.setStatus(StatusCode.ERROR);
            throw e;
        } finally {
            span.end();
        }
    }
}
