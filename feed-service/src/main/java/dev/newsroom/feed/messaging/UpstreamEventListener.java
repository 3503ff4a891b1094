package dev.newsroom.feed.messaging;

import java.util.List;
import java.util.function.Function;

import lombok.RequiredArgsConstructor;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.newsroom.events.Topics;
import dev.newsroom.feed.service.ReadModelEvent;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transport adapter for both topics feed-service reads: each poll's records reach the read model as one batch, in
 * order, inside one span; an article's new revision, or an asset's new caption or credit for every article using it.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class UpstreamEventListener {

    private final EventIntake intake;
    private final CloudEventReader reader;
    private final BatchSpan span;

    // Blocking: the handler writes to PostgreSQL over JDBC; ordered (the default), so per-key order holds.

    @Incoming("articles")
    @Blocking
    public void onArticleEvents(ConsumerRecords<String, String> records,
            IncomingKafkaRecordBatchMetadata<String, String> batch) {
        take(Topics.ARTICLES, records, batch, reader::article);
    }

    @Incoming("media")
    @Blocking
    public void onMediaEvents(ConsumerRecords<String, String> records,
            IncomingKafkaRecordBatchMetadata<String, String> batch) {
        take(Topics.MEDIA, records, batch, reader::media);
    }

    private void take(String topic, ConsumerRecords<String, String> records,
            IncomingKafkaRecordBatchMetadata<String, String> batch,
            Function<ConsumerRecord<String, String>, ReadModelEvent> decoder) {
        List<ConsumerRecord<String, String>> inOrder = EventIntake.inOrder(records);
        span.around(topic, inOrder, batch, () -> intake.take(inOrder, decoder));
    }
}
