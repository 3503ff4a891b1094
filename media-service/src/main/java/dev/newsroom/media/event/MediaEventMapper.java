package dev.newsroom.media.event;

import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.media.MediaAsset;

/** Maps the entity to the wire record; the entity itself never goes on the wire. */
public final class MediaEventMapper {

    private MediaEventMapper() {
    }

    public static MediaAssetSnapshot toSnapshot(MediaAsset asset, String publicUrl) {
        return new MediaAssetSnapshot(asset.id, asset.caption, asset.credit, asset.byline, asset.altText,
                asset.width, asset.height, asset.mimeType, asset.bytes,
                asset.renditionsInOrder().stream().map(rendition -> new MediaAssetSnapshot.Rendition(rendition.name,
                        renditionUrl(publicUrl, asset, rendition.name), rendition.width, rendition.height,
                        rendition.mimeType, rendition.bytes)).toList(),
                asset.revision, asset.isDeleted(), asset.createdAt, asset.updatedAt);
    }

    public static String renditionUrl(String publicUrl, MediaAsset asset, String rendition) {
        return publicUrl + "/media/" + asset.id + "/" + rendition;
    }
}
