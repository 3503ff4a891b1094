package dev.newsroom.feed.messaging;

import java.util.function.Function;

import lombok.RequiredArgsConstructor;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.ArticleEventType;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.CloudEventRecord;
import dev.newsroom.events.MalformedEventException;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;
import dev.newsroom.feed.service.ReadModelEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a CloudEvent record into an event the read model understands; whatever cannot be understood raises
 * {@link MalformedEventException} with the reason.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class CloudEventReader {

    private final ObjectMapper json;

    public ReadModelEvent article(ConsumerRecord<String, String> record) {
        return read(record, ArticleSnapshot.class, event -> new ReadModelEvent.Article(
                event.type(ArticleEventType::fromCloudEventType), event.data(), event.time()));
    }

    public ReadModelEvent media(ConsumerRecord<String, String> record) {
        return read(record, MediaAssetSnapshot.class, event -> new ReadModelEvent.Media(
                event.type(MediaEventType::fromCloudEventType), event.data(), event.time()));
    }

    private <T> ReadModelEvent read(ConsumerRecord<String, String> record, Class<T> dataType,
            Function<CloudEventRecord<T>, ReadModelEvent> understand) {
        ReadModelEvent event = understand.apply(CloudEventRecord.read(record, dataType, json));
        requireKey(record, event);
        return event;
    }

    /** The key orders a topic per aggregate; an event filed under another key could overtake or be overtaken. */
    private static void requireKey(ConsumerRecord<String, String> record, ReadModelEvent event) {
        if (record.key() != null && !record.key().equals(event.id().toString())) {
            throw new MalformedEventException("record key " + record.key() + " is not the id of its data ("
                    + event.id() + ")");
        }
    }
}
