package dev.newsroom.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/** Where image bytes live: a directory for the local platform, S3-compatible object storage in production. */
public interface BlobStorage {

    void put(String key, byte[] bytes) throws IOException;

    /** Stores the content of {@code file} without reading it into memory at once (uploads are up to 30 MB). */
    void put(String key, Path file) throws IOException;

    /** The bytes under {@code key}, or empty when there are none. */
    Optional<InputStream> get(String key) throws IOException;

    void delete(String key) throws IOException;
}
