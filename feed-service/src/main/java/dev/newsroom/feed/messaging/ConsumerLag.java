package dev.newsroom.feed.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Consumer lag as operators know it from kafka-consumer-groups: per topic, the records between the group's committed
 * offsets and the ends of the partitions, summed. Measured every ten seconds with an admin client, so every replica
 * reports the whole group's lag; commits trail consumption by up to the commit interval (5 s), so idle lag is 0.
 */
@ApplicationScoped
public class ConsumerLag {

    private final Map<String, Object> kafka;
    private final String group;
    private final List<String> topics;
    private final Map<String, AtomicLong> lag = new ConcurrentHashMap<>();
    private Admin admin;

    public ConsumerLag(@Identifier("default-kafka-broker") Map<String, Object> kafka,
            @ConfigProperty(name = "mp.messaging.incoming.articles.group.id") String group,
            @ConfigProperty(name = "mp.messaging.incoming.articles.topic") String articlesTopic,
            @ConfigProperty(name = "mp.messaging.incoming.media.topic") String mediaTopic,
            MeterRegistry metrics) {
        this.kafka = kafka;
        this.group = group;
        this.topics = List.of(articlesTopic, mediaTopic);
        for (String topic : topics) {
            AtomicLong value = lag.computeIfAbsent(topic, t -> new AtomicLong(-1));
            Gauge.builder("newsroom.feed.consumer.lag", value, AtomicLong::get)
                    .description("records not yet consumed by the group (-1 until first measured)")
                    .baseUnit("records")
                    .tag("topic", topic)
                    .register(metrics);
        }
    }

    @Scheduled(every = "10s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        try {
            Admin client = admin();
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (var description : client.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS)
                    .values()) {
                description.partitions().forEach(partition -> latest.put(
                        new TopicPartition(description.name(), partition.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                    .get(10, TimeUnit.SECONDS);
            Map<String, Long> total = new HashMap<>();
            ends.forEach((partition, end) -> {
                OffsetAndMetadata done = committed.get(partition);
                long behind = end.offset() - (done == null ? 0 : done.offset());
                total.merge(partition.topic(), Math.max(0, behind), Long::sum);
            });
            total.forEach((topic, value) -> lag.get(topic).set(value));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Log.debugf("consumer lag not measured: %s", e.getMessage());
        }
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
