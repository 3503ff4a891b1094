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

import dev.newsroom.events.CloudEventHeaders;
import dev.newsroom.feed.service.MalformedEventException;
import jakarta.enterprise.context.ApplicationScoped;

/** Reads a CloudEvent in Kafka binary mode: ce_* headers and JSON data. */
@ApplicationScoped
public class CloudEventReader {

    private final ObjectMapper json;

    public CloudEventReader(ObjectMapper json) {
        this.json = json;
    }

    /** The parts of a CloudEvent the read model needs. */
    public record Event<T>(String type, Instant time, T data) {
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
