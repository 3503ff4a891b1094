package dev.newsroom.feed.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter for newsroom.media: an asset's new caption or credit reaches every article using it. */
@ApplicationScoped
public class MediaEventListener {

    private final EventIntake intake;
    private final CloudEventReader reader;

    public MediaEventListener(EventIntake intake, CloudEventReader reader) {
        this.intake = intake;
        this.reader = reader;
    }

    @Incoming("media")
    @Blocking // the handler writes to PostgreSQL over JDBC, which blocks; ordered, so per-key order holds
    public void onMediaEvents(ConsumerRecords<String, String> records) {
        intake.take(EventIntake.inOrder(records), reader::media);
    }
}
