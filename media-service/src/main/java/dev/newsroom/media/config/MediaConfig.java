package dev.newsroom.media.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where image bytes are kept and how they are reached. */
@ConfigMapping(prefix = "newsroom.media")
public interface MediaConfig {

    /** "filesystem" keeps files under {@link #directory()}; "s3" uses S3-compatible object storage. */
    @WithDefault("filesystem")
    String storage();

    /** Directory of image files when storage is "filesystem". */
    String directory();

    /** Public base URL of image delivery (scheme, host, port), used in rendition URLs. */
    String publicUrl();

    /** Largest accepted upload in bytes. */
    @WithDefault("31457280")
    long maxBytes();

    /** Largest accepted image in pixels, checked from the header before decoding. */
    @WithDefault("60000000")
    long maxPixels();
}
