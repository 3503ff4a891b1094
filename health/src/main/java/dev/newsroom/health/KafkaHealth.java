package dev.newsroom.health;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

import io.smallrye.health.api.HealthGroup;
import io.smallrye.health.api.Wellness;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The broker as each consumer sees it: connected or not, and how many partitions it holds. Readiness leaves Kafka
 * out on purpose (the outbox keeps accepting writes and the feeds keep serving while the broker is away), so this is
 * where an operator reads it: {@code /q/health/group/kafka} and {@code /q/health/well}. A consumer that is connected
 * but holds no partition is DOWN too: it is waiting for the group and consumes nothing.
 */
@HealthGroup("kafka")
@Wellness
@ApplicationScoped
public class KafkaHealth implements HealthCheck {

    private final KafkaClientService clients;

    public KafkaHealth(KafkaClientService clients) {
        this.clients = clients;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("kafka").up();
        Set<String> problems = new TreeSet<>();
        for (String channel : clients.getConsumerChannels()) {
            int index = 0;
            for (KafkaConsumer<Object, Object> consumer : clients.<Object, Object>getConsumers(channel)) {
                if (consumer.unwrap() == null) {
                    continue; // not created yet
                }
                // metrics() reads the client's registry without taking the consumer's lock: safe off its thread
                Map<MetricName, ? extends Metric> metrics = consumer.unwrap().metrics();
                long connections = value(metrics, "consumer-metrics", "connection-count");
                long partitions = value(metrics, "consumer-coordinator-metrics", "assigned-partitions");
                String name = channel + (index++ == 0 ? "" : "-" + index);
                response.withData(name + ".connections", connections).withData(name + ".partitions", partitions);
                if (connections < 1) {
                    problems.add(name + ": no connection to the broker");
                } else if (partitions < 1) {
                    problems.add(name + ": holds no partition (waiting for its group, or more replicas than "
                            + "partitions)");
                }
            }
        }
        for (String channel : clients.getProducerChannels()) {
            // Producers close idle connections (connections.max.idle.ms), so a count of 0 is no fault by itself;
            // a send that fails shows in the outbox's backlog and in liveness.
            var producer = clients.getProducer(channel);
            if (producer != null && producer.unwrap() != null) {
                response.withData(channel + ".producer-connections",
                        value(producer.unwrap().metrics(), "producer-metrics", "connection-count"));
            }
        }
        if (!problems.isEmpty()) {
            response.down().withData("problems", String.join("; ", problems));
        }
        return response.build();
    }

    private static long value(Map<MetricName, ? extends Metric> metrics, String group, String name) {
        return metrics.entrySet().stream()
                .filter(entry -> entry.getKey().group().equals(group) && entry.getKey().name().equals(name))
                .map(entry -> entry.getValue().metricValue())
                .filter(Number.class::isInstance)
                .mapToLong(value -> ((Number) value).longValue())
                .findFirst().orElse(0);
    }
}
