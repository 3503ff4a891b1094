package dev.newsroom.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.function.Function;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A CloudEvent read from a Kafka record in binary mode (ce_* headers, JSON data), the one way every consumer reads
 * the topics; whatever cannot be understood raises {@link MalformedEventException} with the reason.
 *
 * @param time ce_time, or the broker's timestamp when the header is missing or unreadable
 */
public record CloudEventRecord<T>(String type, Instant time, T data) {

    public static <T> CloudEventRecord<T> read(ConsumerRecord<String, String> record, Class<T> dataType,
            ObjectMapper json) {
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
        return new CloudEventRecord<>(type, time(record), data);
    }

    /** The event type parsed by one of the contract's enums, e.g. {@code ArticleEventType::fromCloudEventType}. */
    public <E> E type(Function<String, E> parser) {
        try {
            return parser.apply(type);
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
