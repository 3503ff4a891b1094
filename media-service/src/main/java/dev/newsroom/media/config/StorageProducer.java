package dev.newsroom.media.config;

import java.nio.file.Path;

import dev.newsroom.media.image.DecodeBudget;
import dev.newsroom.media.image.ImageInspector;
import dev.newsroom.media.image.MetadataReader;
import dev.newsroom.media.image.RenditionGenerator;
import dev.newsroom.media.storage.BlobStorage;
import dev.newsroom.media.storage.FileSystemStorage;
import dev.newsroom.media.storage.S3Storage;
import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the blob storage from configuration and provides the image pipeline's plain classes as beans. */
public class StorageProducer {

    @Produces
    @Singleton
    BlobStorage storage(MediaConfig config) {
        return switch (config.storage()) {
            case "filesystem" -> new FileSystemStorage(Path.of(config.directory()));
            case "s3" -> s3(config.s3());
            default -> throw new IllegalStateException("newsroom.media.storage must be \"filesystem\" or \"s3\", not \""
                    + config.storage() + "\"");
        };
    }

    void close(@Disposes BlobStorage storage) {
        if (storage instanceof S3Storage s3) {
            s3.close();
        }
    }

    @Produces
    @Singleton
    ImageInspector inspector() {
        return new ImageInspector();
    }

    @Produces
    @Singleton
    MetadataReader metadataReader() {
        return new MetadataReader();
    }

    @Produces
    @Singleton
    RenditionGenerator renditionGenerator(MediaConfig config) {
        DecodeBudget budget = config.decodeMemory().map(MemorySize::asLongValue).map(DecodeBudget::new)
                .orElseGet(DecodeBudget::fromHeap);
        int processors = Runtime.getRuntime().availableProcessors();
        Log.infof("Image conversion: %d at a time, within %d MiB of memory", processors, budget.bytes() / (1024 * 1024));
        return new RenditionGenerator(processors, RenditionGenerator.DEFAULT_MAX_WAITING, budget);
    }

    private static BlobStorage s3(MediaConfig.S3 s3) {
        String bucket = s3.bucket().orElseThrow(() -> new IllegalStateException(
                "newsroom.media.storage=s3 needs a bucket: set NEWSROOM_S3_BUCKET (newsroom.media.s3.bucket)"));
        if (s3.accessKey().isPresent() != s3.secretKey().isPresent()) {
            throw new IllegalStateException("set both NEWSROOM_S3_ACCESS_KEY and NEWSROOM_S3_SECRET_KEY, or neither"
                    + " to use the AWS default credentials (environment, profile, instance role)");
        }
        S3Storage storage = S3Storage.create(new S3Storage.Settings(s3.endpoint(), s3.region(), bucket,
                s3.accessKey(), s3.secretKey(), s3.pathStyle().orElse(s3.endpoint().isPresent())));
        Log.infof("Image files in S3 bucket %s at %s", bucket, s3.endpoint().orElse("AWS " + s3.region()));
        return storage;
    }
}
