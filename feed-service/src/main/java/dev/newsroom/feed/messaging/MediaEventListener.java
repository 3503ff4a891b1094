package dev.newsroom.feed.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;
import dev.newsroom.feed.service.FeedChanges;
import dev.newsroom.feed.service.ReadModelUpdater;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter for newsroom.media: an asset's new caption or credit reaches every article using it. */
@ApplicationScoped
public class MediaEventListener {

    private final ReadModelUpdater updater;
    private final FeedChanges changes;
    private final CloudEventReader reader;

    public MediaEventListener(ReadModelUpdater updater, FeedChanges changes, CloudEventReader reader) {
        this.updater = updater;
        this.changes = changes;
        this.reader = reader;
    }

    @Incoming("media")
    @Blocking // the handler writes to PostgreSQL through Hibernate ORM, which blocks
    public void onMediaEvent(ConsumerRecord<String, String> record) {
        CloudEventReader.Event<MediaAssetSnapshot> event = reader.read(record, MediaAssetSnapshot.class);
        MediaEventType type = reader.type(event, MediaEventType::fromCloudEventType);
        if (updater.applyMedia(type, event.data())) {
            changes.committed(event.time());
        }
    }
}
