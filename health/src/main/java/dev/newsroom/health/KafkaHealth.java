package dev.newsroom.health;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import lombok.RequiredArgsConstructor;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;
import org.eclipse.microprofile.config.Config;
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
 * but holds no partition is DOWN too: it is waiting for the group and consumes nothing. So is one whose heartbeats
 * went unanswered for longer than its session timeout: cut off from the brokers by a network partition, its TCP
 * connections still look open and its partitions still assigned, while the group has already given them to others.
 */
@RequiredArgsConstructor
@HealthGroup("kafka")
@Wellness
@ApplicationScoped
public class KafkaHealth implements HealthCheck {

    private static final long KAFKA_DEFAULT_SESSION_TIMEOUT_MS = 45_000;

    private final KafkaClientService clients;
    private final Config config;

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
                long heartbeat = value(metrics, "consumer-coordinator-metrics", "last-heartbeat-seconds-ago");
                String name = channel + (index++ == 0 ? "" : "-" + index);
                response.withData(name + ".connections", connections).withData(name + ".partitions", partitions)
                        .withData(name + ".last-heartbeat-seconds-ago", heartbeat);
                if (connections < 1) {
                    problems.add(name + ": no connection to the broker");
                } else if (heartbeat * 1000 > sessionTimeoutMs(channel)) {
                    problems.add(name + ": no heartbeat for " + heartbeat + " s, longer than its session: cut off "
                            + "from its group coordinator, its partitions given to others");
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

    /** The channel's session.timeout.ms (or the connector-wide kafka.* one, or Kafka's default). */
    private long sessionTimeoutMs(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".session.timeout.ms", Long.class)
                .or(() -> config.getOptionalValue("kafka.session.timeout.ms", Long.class))
                .orElse(KAFKA_DEFAULT_SESSION_TIMEOUT_MS);
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
