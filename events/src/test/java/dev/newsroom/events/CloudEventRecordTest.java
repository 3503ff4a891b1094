package dev.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class CloudEventRecordTest {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final UUID ID = UUID.fromString("5f0c6b1e-2d3a-4c5b-8e9f-0a1b2c3d4e5f");
    private static final long BROKER_TIME = 1_700_000_000_000L;

    @Test
    void readsTypeTimeAndData() {
        var event = CloudEventRecord.read(record("newsroom.media.updated", "2026-11-30T10:15:00+01:00",
                "{\"id\":\"" + ID + "\",\"caption\":\"Harbour\",\"revision\":3}"), MediaAssetSnapshot.class, JSON);

        assertThat(event.type(MediaEventType::fromCloudEventType)).isEqualTo(MediaEventType.UPDATED);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-11-30T09:15:00Z"));
        assertThat(event.data().id()).isEqualTo(ID);
        assertThat(event.data().caption()).isEqualTo("Harbour");
        assertThat(event.data().revision()).isEqualTo(3);
    }

    @Test
    void timeFallsBackToTheBrokersTimestamp() {
        var event = CloudEventRecord.read(record("newsroom.media.created", "yesterday", "{\"id\":\"" + ID + "\"}"),
                MediaAssetSnapshot.class, JSON);

        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(BROKER_TIME));
    }

    @Test
    void refusesWhatIsNotAnEventOfTheContract() {
        assertThatThrownBy(() -> CloudEventRecord.read(record(null, null, "{}"), MediaAssetSnapshot.class, JSON))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("no ce_type header");
        assertThatThrownBy(() -> CloudEventRecord.read(record("newsroom.media.created", null, null),
                MediaAssetSnapshot.class, JSON))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("has no data");
        assertThatThrownBy(() -> CloudEventRecord.read(record("newsroom.media.created", null, "{\"id\": 7"),
                MediaAssetSnapshot.class, JSON))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not a valid MediaAssetSnapshot");
        assertThatThrownBy(() -> CloudEventRecord.read(record("newsroom.media.created", null, "null"),
                MediaAssetSnapshot.class, JSON))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("null data");
    }

    @Test
    void anUnknownTypeIsMalformed() {
        var event = CloudEventRecord.read(record("newsroom.media.renamed", null, "{}"), MediaAssetSnapshot.class, JSON);

        assertThatThrownBy(() -> event.type(MediaEventType::fromCloudEventType))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("newsroom.media.renamed");
    }

    private static ConsumerRecord<String, String> record(String type, String time, String value) {
        RecordHeaders headers = new RecordHeaders();
        if (type != null) {
            headers.add(CloudEventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        }
        if (time != null) {
            headers.add(CloudEventHeaders.TIME, time.getBytes(StandardCharsets.UTF_8));
        }
        return new ConsumerRecord<>(Topics.MEDIA, 0, 42, BROKER_TIME, TimestampType.CREATE_TIME, -1, -1,
                ID.toString(), value, headers, Optional.empty());
    }
}
