package dev.newsroom.media.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.newsroom.media.MediaAsset;
import dev.newsroom.media.event.MediaEventMapper;

/** An asset as the API returns it (the contract's media asset). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MediaView(UUID id, String caption, String credit, String byline, String altText, int width, int height,
        String mimeType, long bytes, List<RenditionView> renditions, long version, int revision, Instant createdAt,
        String createdBy, String fileName, Instant updatedAt) {

    /** One deliverable size. */
    public record RenditionView(String name, String url, int width, int height, String mimeType, long bytes) {
    }

    public static MediaView of(MediaAsset asset, String publicUrl) {
        return new MediaView(asset.id, asset.caption, asset.credit, asset.byline, asset.altText, asset.width,
                asset.height, asset.mimeType, asset.bytes,
                asset.renditionsInOrder().stream().map(rendition -> new RenditionView(rendition.name,
                        MediaEventMapper.renditionUrl(publicUrl, asset, rendition.name), rendition.width,
                        rendition.height, rendition.mimeType, rendition.bytes)).toList(),
                asset.version, asset.revision, asset.createdAt, asset.createdBy, asset.fileName, asset.updatedAt);
    }
}
