package dev.newsroom.observability;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumer lag as operators know it from kafka-consumer-groups, per partition: the records between the group's
 * committed offset and the end of the partition, for every Kafka channel this service consumes
 * ({@code mp.messaging.incoming.*}). Measured every ten seconds with an admin client, so every replica reports the
 * whole group's lag, also of partitions another replica holds; commits trail consumption by up to the commit
 * interval (5 s), so idle lag is 0.
 */
@ApplicationScoped
public class ConsumerLag {

    private static final String INCOMING = "mp.messaging.incoming.";

    private final Map<String, Object> kafka;
    private final MeterRegistry metrics;
    /** topics consumed, by consumer group */
    private final Map<String, Set<String>> topicsByGroup;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private Admin admin;

    public ConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafka, Config config,
            MeterRegistry metrics) {
        this.kafka = kafka;
        this.metrics = metrics;
        this.topicsByGroup = consumedTopics(config);
    }

    /** group id -> topics, from the Kafka channels of this service. */
    static Map<String, Set<String>> consumedTopics(Config config) {
        Map<String, Set<String>> topics = new LinkedHashMap<>();
        Set<String> channels = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(INCOMING) && name.endsWith(".connector")) {
                channels.add(name.substring(INCOMING.length(), name.length() - ".connector".length()));
            }
        }
        for (String channel : channels) {
            String prefix = INCOMING + channel + ".";
            if (!"smallrye-kafka".equals(config.getOptionalValue(prefix + "connector", String.class).orElse(""))) {
                continue;
            }
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel);
            config.getOptionalValue(prefix + "group.id", String.class).ifPresent(
                    group -> topics.computeIfAbsent(group, g -> new TreeSet<>()).add(topic));
        }
        return topics;
    }

    @Scheduled(every = "${newsroom.consumer-lag.interval:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        topicsByGroup.forEach((group, topics) -> {
            try {
                measure(group, topics);
            } catch (Exception e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
                Log.debugf("consumer lag of %s not measured: %s", group, e.getMessage());
            }
        });
    }

    private void measure(String group, Set<String> topics) throws Exception {
        Admin client = admin();
        Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        for (var description : client.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).values()) {
            description.partitions().forEach(partition -> latest.put(
                    new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
        }
        Map<TopicPartition, ListOffsetsResultInfo> ends = client.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        ends.forEach((partition, end) -> {
            OffsetAndMetadata done = committed.get(partition);
            long behind = end.offset() - (done == null ? 0 : done.offset());
            gauge(group, partition).set(Math.max(0, behind));
        });
    }

    private AtomicLong gauge(String group, TopicPartition partition) {
        return lag.computeIfAbsent(group + " " + partition, key -> {
            AtomicLong value = new AtomicLong();
            Gauge.builder("newsroom.consumer.lag", value, AtomicLong::get)
                    .description("records of the partition not yet consumed (committed) by the group")
                    .baseUnit("records")
                    .tag("group", group)
                    .tag("topic", partition.topic())
                    .tag("partition", Integer.toString(partition.partition()))
                    .register(metrics);
            return value;
        });
    }

    private synchronized Admin admin() {
        if (admin == null) {
            Map<String, Object> config = new HashMap<>();
            kafka.forEach((key, value) -> {
                if (AdminClientConfig.configNames().contains(key)) {
                    config.put(key, value);
                }
            });
            admin = Admin.create(config);
        }
        return admin;
    }

    @PreDestroy
    synchronized void close() {
        if (admin != null) {
            admin.close();
        }
    }
}
