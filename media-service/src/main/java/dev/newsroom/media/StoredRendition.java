package dev.newsroom.media;

import jakarta.persistence.Embeddable;

/** A rendition as stored: its bytes live in blob storage under the asset id and the rendition name. */
@Embeddable
public class StoredRendition {

    public String name;
    public int width;
    public int height;

    public String mimeType;

    public long bytes;

    /** Hex SHA-256 of the bytes: the strong ETag of image delivery. */
    public String sha256;
}
