package dev.newsroom.feed.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.ArticleEventType;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.CloudEventHeaders;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;
import dev.newsroom.feed.service.MalformedEventException;
import dev.newsroom.feed.service.ReadModelEvent;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a CloudEvent in Kafka binary mode (ce_* headers and JSON data) into an event the read model understands;
 * whatever cannot be understood raises {@link MalformedEventException} with the reason.
 */
@ApplicationScoped
public class CloudEventReader {

    private final ObjectMapper json;

    public CloudEventReader(ObjectMapper json) {
        this.json = json;
    }

    /** The parts of a CloudEvent the read model needs. */
    public record Event<T>(String type, Instant time, T data) {
    }

    public ReadModelEvent article(ConsumerRecord<String, String> record) {
        Event<ArticleSnapshot> event = read(record, ArticleSnapshot.class);
        var article = new ReadModelEvent.Article(type(event, ArticleEventType::fromCloudEventType), event.data(),
                event.time());
        requireKey(record, article);
        return article;
    }

    public ReadModelEvent media(ConsumerRecord<String, String> record) {
        Event<MediaAssetSnapshot> event = read(record, MediaAssetSnapshot.class);
        var media = new ReadModelEvent.Media(type(event, MediaEventType::fromCloudEventType), event.data(),
                event.time());
        requireKey(record, media);
        return media;
    }

    /** The key orders a topic per aggregate; an event filed under another key could overtake or be overtaken. */
    private static void requireKey(ConsumerRecord<String, String> record, ReadModelEvent event) {
        if (record.key() != null && !record.key().equals(event.id().toString())) {
            throw new MalformedEventException("record key " + record.key() + " is not the id of its data ("
                    + event.id() + ")");
        }
    }

    public <T> Event<T> read(ConsumerRecord<String, String> record, Class<T> dataType) {
        String type = header(record, CloudEventHeaders.TYPE);
        if (type == null) {
            throw new MalformedEventException("record at offset " + record.offset() + " has no ce_type header");
        }
        if (record.value() == null) {
            throw new MalformedEventException("record at offset " + record.offset() + " has no data");
        }
        T data;
        try {
            data = json.readValue(record.value(), dataType);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException("data is not a valid " + dataType.getSimpleName() + ": "
                    + e.getOriginalMessage(), e);
        }
        if (data == null) {
            throw new MalformedEventException("record at offset " + record.offset() + " has null data");
        }
        return new Event<>(type, time(record), data);
    }

    public <T, E> E type(Event<T> event, Function<String, E> parser) {
        try {
            return parser.apply(event.type());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(e.getMessage(), e);
        }
    }

    private static Instant time(ConsumerRecord<String, String> record) {
        String time = header(record, CloudEventHeaders.TIME);
        if (time != null) {
            try {
                return OffsetDateTime.parse(time).toInstant();
            } catch (DateTimeParseException e) {
                // fall back to the broker's timestamp
            }
        }
        return Instant.ofEpochMilli(record.timestamp());
    }

    private static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
