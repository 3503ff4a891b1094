package dev.newsroom.media.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Semaphore;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import dev.newsroom.media.image.ImageRejectedException.Reason;

/**
 * Decodes an inspected image once and re-encodes it as the renditions readers get: {@code original} (full size),
 * {@code large} (at most 1200 px wide) and {@code thumb} (at most 400 px wide), upright, 8-bit sRGB, without any
 * of the upload's metadata. JPEG for opaque images, PNG where the source has transparent pixels.
 */
public final class RenditionGenerator {

    public static final int LARGE_WIDTH = 1200;
    public static final int THUMB_WIDTH = 400;

    private final Semaphore decodes;

    /** At most one decode per processor at a time. */
    public RenditionGenerator() {
        this(Runtime.getRuntime().availableProcessors());
    }

    /**
     * @param maxConcurrentDecodes how many images may be decoded at once: each holds its full-size pixels (3 to 4
     *        bytes per pixel, 240 MB at the default 60 Mpx limit), and the work is CPU-bound, so decoding more
     *        images than there are processors costs heap without finishing any sooner
     */
    public RenditionGenerator(int maxConcurrentDecodes) {
        if (maxConcurrentDecodes < 1) {
            throw new IllegalArgumentException("maxConcurrentDecodes must be at least 1, got " + maxConcurrentDecodes);
        }
        this.decodes = new Semaphore(maxConcurrentDecodes, true);
    }

    /**
     * The three renditions, always all three in the order original, large, thumb; a rendition whose maximum width
     * the source does not reach has the source's size (never upscaled).
     *
     * @param info what {@link ImageInspector#inspect} said of this very file, limits already checked
     * @throws ImageRejectedException CORRUPT when the pixel data cannot be decoded or the file no longer matches
     *         {@code info}
     */
    public List<Rendition> generate(Path file, ImageInfo info) throws ImageRejectedException {
        decodes.acquireUninterruptibly();
        try {
            BufferedImage upright = ExifOrientation.upright(SrgbNormaliser.normalise(decode(file, info)), info.orientation());
            ImageFormat output = SrgbNormaliser.hasTransparency(upright) ? ImageFormat.PNG : ImageFormat.JPEG;
            if (output == ImageFormat.JPEG) {
                upright = SrgbNormaliser.opaque(upright);
            }
            Rendition original = rendition(Rendition.ORIGINAL, upright, output, null);
            BufferedImage large = ProgressiveScaler.fitWidth(upright, LARGE_WIDTH);
            upright = null; // the full-size pixels may go before the thumb is made
            Rendition largeRendition = rendition(Rendition.LARGE, large, output, original);
            BufferedImage thumb = ProgressiveScaler.fitWidth(large, THUMB_WIDTH);
            return List.of(original, largeRendition, rendition(Rendition.THUMB, thumb, output, largeRendition));
        } finally {
            decodes.release();
        }
    }

    /** Encodes {@code image}, or reuses {@code sameSize}'s bytes when scaling left the image as it was. */
    private static Rendition rendition(String name, BufferedImage image, ImageFormat format, Rendition sameSize) {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] bytes = sameSize != null && sameSize.width() == width && sameSize.height() == height
                ? sameSize.bytes()
                : RenditionEncoder.encode(image, format);
        return new Rendition(name, bytes, width, height, format.mimeType());
    }

    private static BufferedImage decode(Path file, ImageInfo info) throws ImageRejectedException {
        ImageFormat format = sniff(file);
        if (format != info.format()) {
            throw new ImageRejectedException(Reason.CORRUPT,
                    "The file changed after it was checked (it was " + info.format() + ", now " + format + "); upload it again.");
        }
        int expectedWidth = info.rotatesQuarter() ? info.height() : info.width();
        int expectedHeight = info.rotatesQuarter() ? info.width() : info.height();
        ImageReader reader = ImageReaders.forFormat(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            // The pixel limit was checked on info: decode only what info promised, so no swapped file slips past it.
            if (reader.getWidth(0) != expectedWidth || reader.getHeight(0) != expectedHeight) {
                throw new ImageRejectedException(Reason.CORRUPT, "The file changed after it was checked; upload it again.");
            }
            return reader.read(0, reader.getDefaultReadParam());
        } catch (IOException | RuntimeException e) {
            throw ImageInspector.corrupt(format, "its pixels cannot be decoded", e);
        } finally {
            reader.dispose();
        }
    }

    private static ImageFormat sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ImageFormat.detect(in.readNBytes(ImageFormat.MAGIC_LENGTH)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
