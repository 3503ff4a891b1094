package dev.newsroom.feed.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import dev.newsroom.feed.service.ReadModelEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads newsroom.articles and newsroom.media from offset zero up to where they ended when the replay began, with a
 * consumer of its own (no group, nothing committed), and hands every batch to the intake in rebuild mode. The live
 * consumers keep going meanwhile; both write idempotently, so the read model converges whatever the interleaving.
 */
@ApplicationScoped
public class TopicReplay {

    private static final Duration POLL = Duration.ofMillis(500);

    private final Map<String, Object> kafka;
    private final EventIntake intake;
    private final CloudEventReader reader;
    private final String articlesTopic;
    private final String mediaTopic;

    public TopicReplay(@Identifier("default-kafka-broker") Map<String, Object> kafka, EventIntake intake,
            CloudEventReader reader,
            @ConfigProperty(name = "mp.messaging.incoming.articles.topic") String articlesTopic,
            @ConfigProperty(name = "mp.messaging.incoming.media.topic") String mediaTopic) {
        this.kafka = kafka;
        this.intake = intake;
        this.reader = reader;
        this.articlesTopic = articlesTopic;
        this.mediaTopic = mediaTopic;
    }

    /** Progress of a replay, reported after each batch. */
    public interface Progress {
        void batchDone(long applied, long skipped);
    }

    /** Replays both topics into the read model with this rebuild generation; returns once the ends are reached. */
    public void replay(long generation, Progress progress) {
        Map<String, Object> config = new HashMap<>();
        // the broker's address and security settings; the rest of Quarkus' kafka.* keys mean nothing to a consumer
        kafka.forEach((key, value) -> {
            if (ConsumerConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "feed-service-rebuild-" + UUID.randomUUID());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        config.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, Integer.toString(32 * 1024 * 1024));
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, Integer.toString(8 * 1024 * 1024));
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                new StringDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(articlesTopic, mediaTopic)) {
                consumer.partitionsFor(topic).forEach(info -> partitions.add(
                        new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            Set<TopicPartition> remaining = new HashSet<>(partitions);
            remaining.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            Function<ConsumerRecord<String, String>, ReadModelEvent> decoder = record ->
                    record.topic().equals(articlesTopic) ? reader.article(record) : reader.media(record);
            while (!remaining.isEmpty()) {
                ConsumerRecords<String, String> polled = consumer.poll(POLL);
                if (!polled.isEmpty()) {
                    EventIntake.Replayed replayed = intake.replay(EventIntake.inOrder(polled), decoder, generation);
                    progress.batchDone(replayed.applied(), replayed.skipped());
                }
                remaining.removeIf(partition -> consumer.position(partition) >= ends.get(partition));
            }
        }
    }
}
