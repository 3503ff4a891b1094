package dev.newsroom.media.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** Blobs as files below one directory; written to a temporary name and moved, so a reader never sees half a file. */
public class FileSystemStorage implements BlobStorage {

    private final Path root;

    public FileSystemStorage(Path root) {
        this.root = root.toAbsolutePath();
    }

    @Override
    public void put(String key, byte[] bytes) throws IOException {
        write(key, temporary -> Files.write(temporary, bytes));
    }

    @Override
    public void put(String key, Path file) throws IOException {
        write(key, temporary -> Files.copy(file, temporary, StandardCopyOption.REPLACE_EXISTING));
    }

    @Override
    public Optional<InputStream> get(String key) throws IOException {
        Path file = resolve(key);
        return Files.isRegularFile(file) ? Optional.of(Files.newInputStream(file)) : Optional.empty();
    }

    @Override
    public void delete(String key) throws IOException {
        Files.deleteIfExists(resolve(key));
    }

    private void write(String key, Writer writer) throws IOException {
        Path target = resolve(key);
        Files.createDirectories(target.getParent());
        Path temporary = Files.createTempFile(target.getParent(), ".upload-", ".tmp");
        try {
            writer.write(temporary);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("storage key leaves the media directory: " + key);
        }
        return path;
    }

    /** Fills the temporary file that then takes the key's place. */
    private interface Writer {
        void write(Path temporary) throws IOException;
    }
}
