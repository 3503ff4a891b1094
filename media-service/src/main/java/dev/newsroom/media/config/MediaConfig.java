package dev.newsroom.media.config;

import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Where image bytes are kept, how they are reached, and how much an upload may cost. */
@ConfigMapping(prefix = "newsroom.media")
public interface MediaConfig {

    /** "filesystem" keeps files under {@link #directory()}; "s3" uses S3-compatible object storage ({@link #s3()}). */
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

    /**
     * Memory that images being converted may hold together (decoded pixels, copies, the JPEG decoder's native
     * buffers); uploads beyond it wait their turn. Default: the maximum heap less 192 MiB.
     */
    Optional<MemorySize> decodeMemory();

    /** The bucket when storage is "s3". */
    S3 s3();

    /** An S3-compatible bucket (AWS S3, MinIO, Ceph, ...). */
    interface S3 {

        /** Endpoint URL, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000; default: AWS for the region. */
        Optional<String> endpoint();

        /** Region that requests are signed for; S3-compatible stores mostly accept us-east-1. */
        @WithDefault("us-east-1")
        String region();

        /** The bucket, which must exist. */
        Optional<String> bucket();

        /** Access key id; without it the AWS SDK's default chain (environment, profile, instance role) applies. */
        Optional<String> accessKey();

        /** Secret access key belonging to {@link #accessKey()}. */
        Optional<String> secretKey();

        /**
         * Bucket in the path (http://host/bucket/key) rather than the host name; default: path style whenever an
         * endpoint is given, as MinIO and most S3-compatible stores need it.
         */
        Optional<Boolean> pathStyle();
    }
}
