package dev.newsroom.media.image;

import java.util.Iterator;
import java.util.Locale;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;

/**
 * Picks the ImageIO reader for a format already decided from the bytes, so ImageIO never guesses the type itself.
 * JPEG must be TwelveMonkeys' reader: the JDK's fails on CMYK and YCCK files and ignores embedded ICC profiles.
 */
final class ImageReaders {

    private static final String TWELVEMONKEYS = "com.twelvemonkeys.";

    private ImageReaders() {
    }

    static ImageReader forFormat(ImageFormat format) {
        ImageReader reader = find(format);
        if (reader == null) {
            // A class loader that initialised ImageIO before the plugin jars were visible (dev mode, some test
            // runners) leaves them unregistered; a rescan with the current context class loader finds them.
            ImageIO.scanForPlugins();
            reader = find(format);
        }
        if (reader == null) {
            throw new IllegalStateException("No ImageIO reader for " + format + "; is TwelveMonkeys imageio-"
                    + format.name().toLowerCase(Locale.ROOT) + " on the class path?");
        }
        return reader;
    }

    private static ImageReader find(ImageFormat format) {
        Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(format.mimeType());
        boolean needsTwelveMonkeys = format == ImageFormat.JPEG || format == ImageFormat.WEBP;
        ImageReader chosen = null;
        while (readers.hasNext()) {
            ImageReader candidate = readers.next();
            boolean acceptable = !needsTwelveMonkeys || candidate.getClass().getName().startsWith(TWELVEMONKEYS);
            if (acceptable && chosen == null) {
                chosen = candidate;
            } else {
                candidate.dispose();
            }
        }
        return chosen;
    }
}
