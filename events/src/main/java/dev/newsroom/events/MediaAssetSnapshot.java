package dev.newsroom.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The full state of an image asset, the data of every event on {@link Topics#MEDIA}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record MediaAssetSnapshot(
        UUID id,
        String caption,
        String credit,
        String byline,
        String altText,
        int width,
        int height,
        String mimeType,
        long bytes,
        List<Rendition> renditions,
        long revision,
        boolean deleted,
        Instant createdAt,
        Instant updatedAt) implements AggregateSnapshot {

    /** One deliverable size of the asset: its absolute public URL, pixel size, type and length in bytes. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Rendition(String name, String url, int width, int height, String mimeType, long bytes) {
    }
}
