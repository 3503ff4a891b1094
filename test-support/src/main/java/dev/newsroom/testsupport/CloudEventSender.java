package dev.newsroom.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends CloudEvents in Kafka binary mode the way the services do, for tests of consumers. */
public final class CloudEventSender implements AutoCloseable {

    private final KafkaProducer<String, String> producer;

    public CloudEventSender(String bootstrapServers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public void send(String topic, String key, String type, String json) {
        send(topic, key, type, json, Instant.now());
    }

    public void send(String topic, String key, String type, String json, Instant time) {
        send(new ProducerRecord<>(topic, key, json), type, time);
    }

    /** Sends to one partition, so a test knows the order in which a consumer sees its records. */
    public void sendToPartition(String topic, int partition, String key, String type, String json) {
        send(new ProducerRecord<>(topic, partition, key, json), type, Instant.now());
    }

    private void send(ProducerRecord<String, String> record, String type, Instant time) {
        String key = record.key();
        if (type != null) {
            header(record, "ce_type", type);
        }
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/test");
        header(record, "ce_subject", key);
        header(record, "ce_time", time.toString());
        header(record, "content-type", "application/json");
        try {
            producer.send(record).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("sending a test event failed", e.getCause());
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() {
        producer.close();
    }
}
