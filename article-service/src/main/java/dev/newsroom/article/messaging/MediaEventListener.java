package dev.newsroom.article.messaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.article.service.MediaCatalog;
import dev.newsroom.events.CloudEventHeaders;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter for newsroom.media: keeps the replica of known assets that lead images are checked against. */
@ApplicationScoped
public class MediaEventListener {

    private final MediaCatalog catalog;
    private final ObjectMapper json;

    public MediaEventListener(MediaCatalog catalog, ObjectMapper json) {
        this.catalog = catalog;
        this.json = json;
    }

    @Incoming("media")
    @Blocking // the catalog writes to PostgreSQL through Hibernate ORM, which blocks
    public void onMediaEvent(ConsumerRecord<String, String> record) throws IOException {
        Header type = record.headers().lastHeader(CloudEventHeaders.TYPE);
        if (type == null || record.value() == null) {
            // Not a CloudEvent of the contract; failing sends it to the dead-letter topic for someone to look at.
            throw new IllegalArgumentException("record at offset " + record.offset() + " has no ce_type or no data");
        }
        MediaEventType eventType = MediaEventType.fromCloudEventType(new String(type.value(), StandardCharsets.UTF_8));
        MediaAssetSnapshot asset = json.readValue(record.value(), MediaAssetSnapshot.class);
        if (asset.id() == null) {
            throw new IllegalArgumentException("record at offset " + record.offset() + " carries no asset id");
        }
        if (catalog.apply(eventType, asset)) {
            catalog.announced();
        }
    }
}
