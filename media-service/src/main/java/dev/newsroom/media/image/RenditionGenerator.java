package dev.newsroom.media.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import dev.newsroom.media.image.ImageRejectedException.Reason;
import dev.newsroom.observability.NamedThreads;

/**
 * Decodes an inspected image once and re-encodes it as the renditions readers get: {@code original} (full size),
 * {@code large} (at most 1200 px wide) and {@code thumb} (at most 400 px wide), upright, 8-bit sRGB, without any
 * of the upload's metadata. JPEG for opaque images, PNG where the source has transparent pixels. Decoding is bounded
 * twice: at most one image per processor at a time, and only while the {@link DecodeBudget} holds its estimated
 * {@link DecodeCost}, so that many concurrent uploads wait instead of exhausting the heap. The full-size rendition is
 * encoded on a second thread while the first scales and encodes the smaller ones.
 */
public final class RenditionGenerator {

    public static final int LARGE_WIDTH = 1200;
    public static final int THUMB_WIDTH = 400;

    /** Uploads that may wait for their turn besides those being decoded; each holds a request thread meanwhile. */
    public static final int DEFAULT_MAX_WAITING = 32;

    private final Semaphore decodes;
    private final int maxConcurrentDecodes;
    private final DecodeBudget memory;
    private final int maxAdmitted;
    private final AtomicInteger admitted = new AtomicInteger();
    /** Encodes each decode's full-size rendition while its thread scales and encodes the smaller ones. */
    private final ExecutorService encoders;

    /** At most one decode per processor at a time, within a memory budget taken from the maximum heap. */
    public RenditionGenerator() {
        this(Runtime.getRuntime().availableProcessors(), DEFAULT_MAX_WAITING, DecodeBudget.fromHeap());
    }

    /**
     * @param maxConcurrentDecodes how many images may be decoded at once: the work is CPU-bound, so decoding more
     *        images than there are processors costs memory without finishing any sooner
     * @param maxWaiting how many more may wait for their turn; beyond that an upload is refused as BUSY at once,
     *        rather than holding one of the threads that also serve image delivery
     * @param memory what all decodes together may hold; each reserves its {@link DecodeCost} before reading pixels
     */
    public RenditionGenerator(int maxConcurrentDecodes, int maxWaiting, DecodeBudget memory) {
        if (maxConcurrentDecodes < 1 || maxWaiting < 0) {
            throw new IllegalArgumentException("need at least 1 decode and 0 waiting, got " + maxConcurrentDecodes
                    + " and " + maxWaiting);
        }
        this.decodes = new Semaphore(maxConcurrentDecodes, true);
        this.maxConcurrentDecodes = maxConcurrentDecodes;
        this.memory = memory;
        this.maxAdmitted = maxConcurrentDecodes + maxWaiting;
        ThreadPoolExecutor pool = new ThreadPoolExecutor(maxConcurrentDecodes, maxConcurrentDecodes, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), NamedThreads.daemon("rendition-encoder"));
        pool.allowCoreThreadTimeOut(true);
        this.encoders = pool;
    }

    /**
     * The three renditions, always all three in the order original, large, thumb; a rendition whose maximum width
     * the source does not reach has the source's size (never upscaled).
     *
     * @param info what {@link ImageInspector#inspect} said of this very file, limits already checked
     * @throws ImageRejectedException CORRUPT when the pixel data cannot be decoded or the file no longer matches
     *         {@code info}; TOO_MANY_PIXELS when converting it would take more memory than the whole budget; BUSY
     *         when too many images wait for their turn already
     */
    public List<Rendition> generate(Path file, ImageInfo info) throws ImageRejectedException {
        if (admitted.incrementAndGet() > maxAdmitted) {
            admitted.decrementAndGet();
            throw new ImageRejectedException(Reason.BUSY, "The service is converting " + maxAdmitted
                    + " images already; upload this one again in a minute.");
        }
        try {
            return admittedGenerate(file, info);
        } finally {
            admitted.decrementAndGet();
        }
    }

    /** Uploads being converted or waiting for their turn, for tests. */
    int admitted() {
        return admitted.get();
    }

    /** Images being decoded and re-encoded right now. */
    public int decoding() {
        return maxConcurrentDecodes - decodes.availablePermits();
    }

    /** Admitted uploads not decoding yet: waiting for a turn or for memory (the decode queue). */
    public int waiting() {
        return Math.max(0, admitted.get() - decoding());
    }

    /** Bytes of the decode memory budget that no decode holds at this moment. */
    public long memoryAvailable() {
        return memory.available();
    }

    /** The whole decode memory budget in bytes. */
    public long memoryBudget() {
        return memory.bytes();
    }

    private List<Rendition> admittedGenerate(Path file, ImageInfo info) throws ImageRejectedException {
        ImageFormat format = sniff(file);
        if (format != info.format()) {
            throw new ImageRejectedException(Reason.CORRUPT,
                    "The file changed after it was checked (it was " + info.format() + ", now " + format + "); upload it again.");
        }
        ImageReader reader = ImageReaders.forFormat(format);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            long cost = checkedCost(reader, file, info);
            try (DecodeBudget.Reservation reserved = memory.reserve(cost)) {
                decodes.acquireUninterruptibly();
                try {
                    // Nested calls: no local variable keeps the decoded or the unturned pixels reachable meanwhile.
                    return renditions(ExifOrientation.upright(SrgbNormaliser.normalise(read(reader, file, format)),
                            info.orientation()));
                } finally {
                    decodes.release();
                }
            }
        } catch (IOException e) {
            throw ImageInspector.corrupt(format, "it cannot be read", e);
        } finally {
            reader.dispose();
        }
    }

    /** What decoding will cost, once the header is known to be the one inspected and the cost is one this JVM can bear. */
    private long checkedCost(ImageReader reader, Path file, ImageInfo info) throws ImageRejectedException {
        try {
            // The pixel limit was checked on info: decode only what info promised, so no swapped file slips past it.
            int storedWidth = info.rotatesQuarter() ? info.height() : info.width();
            int storedHeight = info.rotatesQuarter() ? info.width() : info.height();
            if (reader.getWidth(0) != storedWidth || reader.getHeight(0) != storedHeight) {
                throw new ImageRejectedException(Reason.CORRUPT, "The file changed after it was checked; upload it again.");
            }
            long cost = DecodeCost.estimate(reader, info, file);
            if (!memory.admits(cost)) {
                throw tooDear(info, cost);
            }
            return cost;
        } catch (IOException | RuntimeException e) {
            throw ImageInspector.corrupt(info.format(), "its header cannot be read", e);
        }
    }

    private static BufferedImage read(ImageReader reader, Path file, ImageFormat format) throws ImageRejectedException {
        try {
            Optional<CmykJpegDecoder> cmyk = format == ImageFormat.JPEG ? CmykJpegDecoder.forFile(file) : Optional.empty();
            if (cmyk.isPresent()) {
                return cmyk.get().decode(reader);
            }
            if (format == ImageFormat.JPEG && RgbJpegDecoder.applies(reader)) {
                return RgbJpegDecoder.decode(reader);
            }
            if (format == ImageFormat.WEBP && LibwebpDecoder.applies(file)) {
                return LibwebpDecoder.decode(file);
            }
            return reader.read(0, reader.getDefaultReadParam());
        } catch (IOException | RuntimeException e) {
            throw ImageInspector.corrupt(format, "its pixels cannot be decoded", e);
        }
    }

    private List<Rendition> renditions(BufferedImage upright) {
        ImageFormat output = SrgbNormaliser.hasTransparency(upright) ? ImageFormat.PNG : ImageFormat.JPEG;
        BufferedImage full = output == ImageFormat.JPEG ? SrgbNormaliser.opaque(upright) : upright;
        upright = null; // where an opaque copy was made, the pixels with alpha may go
        if (full.getWidth() <= LARGE_WIDTH) {
            // The large rendition is the original itself: one encode serves both.
            Rendition original = rendition(Rendition.ORIGINAL, full, output, null);
            Rendition large = rendition(Rendition.LARGE, full, output, original);
            return List.of(original, large, rendition(Rendition.THUMB, ProgressiveScaler.fitWidth(full, THUMB_WIDTH),
                    output, large));
        }
        // Encoding the full size takes as long as scaling and encoding both smaller ones: it runs beside them. No
        // more memory than one after the other: the full-size pixels are kept until the original is encoded anyway.
        Future<Rendition> original = encoders.submit(() -> rendition(Rendition.ORIGINAL, full, output, null));
        Rendition large;
        Rendition thumb;
        try {
            BufferedImage largePixels = ProgressiveScaler.fitWidth(full, LARGE_WIDTH);
            large = rendition(Rendition.LARGE, largePixels, output, null);
            thumb = rendition(Rendition.THUMB, ProgressiveScaler.fitWidth(largePixels, THUMB_WIDTH), output, large);
        } catch (RuntimeException | Error e) {
            awaitQuietly(original); // its pixels and buffers stay counted in the memory budget until it is done
            throw e;
        }
        return List.of(await(original), large, thumb);
    }

    private static Rendition await(Future<Rendition> encoding) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return encoding.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the memory reservation must outlive the encode: wait on, interrupt after
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof Error error) {
                        throw error;
                    }
                    throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void awaitQuietly(Future<Rendition> encoding) {
        try {
            await(encoding);
        } catch (RuntimeException | Error e) {
            // the caller is already failing with its own exception
        }
    }

    private ImageRejectedException tooDear(ImageInfo info, long cost) {
        return new ImageRejectedException(Reason.TOO_MANY_PIXELS, String.format(Locale.ROOT,
                "The image is %d x %d pixels in a layout that takes about %d MB to convert (high bit depth,"
                        + " progressive JPEG or a turned photo cost more per pixel); this server converts images of"
                        + " up to %d MB. Save it with 8 bits per channel, as a baseline JPEG, or with fewer pixels.",
                info.width(), info.height(), cost / (1024 * 1024), memory.bytes() / (1024 * 1024)));
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

    private static ImageFormat sniff(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ImageFormat.detect(in.readNBytes(ImageFormat.MAGIC_LENGTH)).orElse(null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
