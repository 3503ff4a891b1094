package dev.newsroom.feed.messaging;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;

import dev.newsroom.events.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Puts a record that cannot be understood on its topic's dead-letter topic ({@code <topic>.dlq}), unchanged, with
 * the reason in the headers SmallRye's own dead-letter strategy uses (dead-letter-reason, -topic, -partition,
 * -offset, -exception-class-name), and counts it. Returns only once the broker has it, so it is never lost.
 */
@ApplicationScoped
@Startup // its counters exist before the first dead letter, so a dashboard shows zero rather than nothing
public class DeadLetters {

    static final String SUFFIX = ".dlq";

    private final MutinyEmitter<String> emitter;
    private final MeterRegistry metrics;

    public DeadLetters(@Channel("dead-letters") MutinyEmitter<String> emitter, MeterRegistry metrics) {
        this.emitter = emitter;
        this.metrics = metrics;
        // present from the start, so a dashboard shows zero rather than nothing
        List.of(Topics.ARTICLES, Topics.MEDIA).forEach(this::counter);
    }

    public void send(ConsumerRecord<String, String> record, Throwable reason) {
        Headers headers = new RecordHeaders();
        record.headers().forEach(headers::add);
        String why = reason.getMessage() == null ? reason.getClass().getSimpleName() : reason.getMessage();
        Map.of("dead-letter-reason", why,
                "dead-letter-topic", record.topic(),
                "dead-letter-partition", Integer.toString(record.partition()),
                "dead-letter-offset", Long.toString(record.offset()),
                "dead-letter-exception-class-name", reason.getClass().getName())
                .entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(header -> headers.add(new RecordHeader(header.getKey(),
                        header.getValue().getBytes(StandardCharsets.UTF_8))));
        if (reason.getCause() != null && reason.getCause().getMessage() != null) {
            headers.add(new RecordHeader("dead-letter-cause",
                    reason.getCause().getMessage().getBytes(StandardCharsets.UTF_8)));
        }
        OutgoingKafkaRecordMetadata<String> metadata = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(record.topic() + SUFFIX)
                .withKey(record.key())
                .withHeaders(headers)
                .build();
        // Kafka carries a null value, the emitter does not: an empty value stands for it, the reason says so.
        emitter.sendMessageAndAwait(Message.of(record.value() == null ? "" : record.value()).addMetadata(metadata));
        counter(record.topic()).increment();
        Log.warnf("dead-lettered %s-%d@%d (key %s): %s", record.topic(), record.partition(), record.offset(),
                record.key(), why);
    }

    private Counter counter(String topic) {
        return Counter.builder("newsroom.feed.dead.letters")
                .description("records put on a dead-letter topic because they could not be understood")
                .tag("topic", topic)
                .register(metrics);
    }
}
