package dev.newsroom.article.messaging;

import lombok.RequiredArgsConstructor;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.article.service.MediaCatalog;
import dev.newsroom.events.CloudEventRecord;
import dev.newsroom.events.MalformedEventException;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter for newsroom.media: keeps the replica of known assets that lead images are checked against. */
@RequiredArgsConstructor
@ApplicationScoped
public class MediaEventListener {

    private final MediaCatalog catalog;
    private final ObjectMapper json;

    @Incoming("media")
    @Blocking // the catalog writes to PostgreSQL through Hibernate ORM, which blocks
    public void onMediaEvent(ConsumerRecord<String, String> record) {
        // What cannot be read fails the record, which sends it to the dead-letter topic for someone to look at.
        var event = CloudEventRecord.read(record, MediaAssetSnapshot.class, json);
        if (event.data().id() == null) {
            throw new MalformedEventException("record at offset " + record.offset() + " carries no asset id");
        }
        if (catalog.apply(event.type(MediaEventType::fromCloudEventType), event.data())) {
            catalog.announced();
        }
    }
}
