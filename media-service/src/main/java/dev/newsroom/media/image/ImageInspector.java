package dev.newsroom.media.image;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;

import dev.newsroom.media.image.ImageRejectedException.Reason;
import io.quarkus.logging.Log;

/**
 * Decides whether an upload is an image media-service takes, from its size on disk, its magic bytes and its header
 * alone: nothing is decoded here, so a small file declaring 60000x60000 pixels is refused before it costs memory.
 */
public final class ImageInspector {

    /**
     * Reads the file's size, magic bytes, image header and EXIF orientation.
     *
     * @throws ImageRejectedException when the file is too large, of another type, declares too many pixels or has
     *         an unreadable header
     */
    public ImageInfo inspect(Path file, ImageLimits limits) throws ImageRejectedException {
        long bytes = sizeOf(file);
        if (bytes > limits.maxBytes()) {
            throw new ImageRejectedException(Reason.TOO_MANY_BYTES, String.format(Locale.ROOT,
                    "The file has %s; at most %s are accepted. Save it with more compression or fewer pixels.",
                    readable(bytes), readable(limits.maxBytes())));
        }
        byte[] head = head(file, 64);
        ImageFormat format = ImageFormat.detect(head).orElseThrow(() -> unsupported(head));
        int[] stored = storedSize(file, format);
        long pixels = (long) stored[0] * stored[1];
        if (pixels > limits.maxPixels()) {
            throw new ImageRejectedException(Reason.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                    "The image is %d x %d pixels (%.1f megapixels); at most %.1f megapixels are accepted."
                            + " Scale it down before uploading.",
                    stored[0], stored[1], pixels / 1e6, limits.maxPixels() / 1e6));
        }
        int orientation = orientation(file, format);
        boolean quarter = orientation >= 5;
        return new ImageInfo(format, quarter ? stored[1] : stored[0], quarter ? stored[0] : stored[1], orientation);
    }

    /** Width and height of the first image as stored, read by the same reader that will decode it. */
    static int[] storedSize(Path file, ImageFormat format) throws ImageRejectedException {
        ImageReader reader = ImageReaders.forFormat(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            int width = reader.getWidth(0);
            int height = reader.getHeight(0);
            if (width <= 0 || height <= 0) {
                throw corrupt(format, "it declares a size of " + width + " x " + height, null);
            }
            return new int[] {width, height};
        } catch (IOException | RuntimeException e) {
            throw corrupt(format, "its header cannot be read", e);
        } finally {
            reader.dispose();
        }
    }

    static ImageRejectedException corrupt(ImageFormat format, String what, Throwable cause) {
        return new ImageRejectedException(Reason.CORRUPT,
                "The file starts like a " + format + " image but " + what
                        + ". It may be damaged or cut short; export it again and retry.", cause);
    }

    private static int orientation(Path file, ImageFormat format) {
        try {
            Metadata metadata = MetadataDirectories.read(file, format, MetadataDirectories.Scope.ORIENTATION);
            ExifIFD0Directory exif = metadata.getFirstDirectoryOfType(ExifIFD0Directory.class);
            Integer value = exif == null ? null : exif.getInteger(ExifIFD0Directory.TAG_ORIENTATION);
            return value != null && value >= 1 && value <= 8 ? value : 1;
        } catch (Exception | StackOverflowError e) {
            // Broken EXIF must not cost the upload: the image is shown as stored.
            Log.debugf(e, "Unreadable EXIF orientation in %s, assuming 1", file);
            return 1;
        }
    }

    private static ImageRejectedException unsupported(byte[] head) {
        return new ImageRejectedException(Reason.UNSUPPORTED_TYPE,
                "Only JPEG, PNG, WebP and GIF images are accepted, decided from the file's content whatever its name"
                        + " or declared type; this file " + describe(head) + ".");
    }

    /** A guess at what the uploader sent instead, so the message says what to do. */
    private static String describe(byte[] head) {
        if (head.length == 0) {
            return "is empty";
        }
        String text = new String(head, StandardCharsets.ISO_8859_1).stripLeading().toLowerCase(Locale.ROOT);
        if (text.startsWith("\u00ef\u00bb\u00bf")) {
            text = text.substring(3).stripLeading();
        }
        if (text.startsWith("<svg") || text.startsWith("<?xml") && text.contains("<svg")) {
            return "is an SVG drawing; export it as PNG";
        }
        if (text.startsWith("<")) {
            return "is HTML or XML text, not an image";
        }
        if (text.startsWith("%pdf")) {
            return "is a PDF document; export the picture as JPEG or PNG";
        }
        if (text.startsWith("ii*\0") || text.startsWith("mm\0*")) {
            return "is a TIFF image; export it as JPEG";
        }
        if (text.length() >= 12 && text.startsWith("ftyp", 4)) {
            String brand = text.substring(8, 12);
            if (brand.startsWith("hei") || brand.startsWith("hev") || brand.equals("mif1") || brand.startsWith("avi")) {
                return "is a HEIF/AVIF image (as phones save them); export it as JPEG";
            }
        }
        return "is of another type";
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] head(Path file, int length) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readable(long bytes) {
        return bytes < 1024 * 1024
                ? String.format(Locale.ROOT, "%d KB", (bytes + 1023) / 1024)
                : String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
