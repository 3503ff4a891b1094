package dev.newsroom.feed.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.newsroom.events.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter for newsroom.media: an asset's new caption or credit reaches every article using it. */
@ApplicationScoped
public class MediaEventListener {

    private final EventIntake intake;
    private final CloudEventReader reader;
    private final BatchSpan span;

    public MediaEventListener(EventIntake intake, CloudEventReader reader, BatchSpan span) {
        this.intake = intake;
        this.reader = reader;
        this.span = span;
    }

    @Incoming("media")
    @Blocking // the handler writes to PostgreSQL over JDBC, which blocks; ordered, so per-key order holds
    public void onMediaEvents(ConsumerRecords<String, String> records,
            IncomingKafkaRecordBatchMetadata<String, String> batch) {
        List<ConsumerRecord<String, String>> inOrder = EventIntake.inOrder(records);
        span.around(Topics.MEDIA, inOrder, batch, () -> intake.take(inOrder, reader::media));
    }
}
