package dev.newsroom.media.config;

import java.nio.file.Path;

import dev.newsroom.media.image.ImageInspector;
import dev.newsroom.media.image.MetadataReader;
import dev.newsroom.media.image.RenditionGenerator;
import dev.newsroom.media.storage.BlobStorage;
import dev.newsroom.media.storage.FileSystemStorage;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Chooses the blob storage from configuration and provides the image pipeline's plain classes as beans. */
public class StorageProducer {

    @Produces
    @Singleton
    BlobStorage storage(MediaConfig config) {
        return switch (config.storage()) {
            case "filesystem" -> new FileSystemStorage(Path.of(config.directory()));
            default -> throw new IllegalStateException("newsroom.media.storage must be \"filesystem\" or \"s3\", not \""
                    + config.storage() + "\"");
        };
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
    RenditionGenerator renditionGenerator() {
        return new RenditionGenerator();
    }
}
