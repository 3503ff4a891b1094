package dev.newsroom.media.image;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.stream.FileImageInputStream;

import com.luciad.imageio.webp.WebPImageReaderSpi;
import com.luciad.imageio.webp.WebPReadParam;

import io.quarkus.logging.Log;

/**
 * Decodes still WebP images with libwebp, through the native build that webp-imageio bundles for Linux, macOS and
 * Windows on x86-64 and ARM: TwelveMonkeys' reader decodes VP8 in Java, about 1.9 s of CPU for 24 Mpx on this
 * machine against 0.3 s. libwebp returns the stored values as sRGB and cannot read an animation, so a WebP with an
 * ICC profile (TwelveMonkeys converts through it) or with frames (TwelveMonkeys reads the first) stays with
 * TwelveMonkeys, as does every WebP where the native library cannot be loaded.
 */
final class LibwebpDecoder {

    /** VP8X flags (RIFF offset 20): an ICC profile chunk, an animation. */
    private static final int ICC_FLAG = 0x20;
    private static final int ANIMATION_FLAG = 0x02;
    private static final int HEADER_LENGTH = 21;

    private static final boolean AVAILABLE = load();

    private LibwebpDecoder() {
    }

    /** Whether libwebp is loaded and {@code file}, a WebP, is a still image without an ICC profile. */
    static boolean applies(Path file) throws IOException {
        if (!AVAILABLE) {
            return false;
        }
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEADER_LENGTH);
        }
        if (head.length < 16) {
            return false;
        }
        String firstChunk = new String(head, 12, 4, StandardCharsets.US_ASCII);
        if (!firstChunk.equals("VP8X")) {
            return firstChunk.equals("VP8 ") || firstChunk.equals("VP8L"); // simple formats: one frame, no profile
        }
        return head.length == HEADER_LENGTH && (head[20] & (ICC_FLAG | ANIMATION_FLAG)) == 0;
    }

    /** The layout libwebp decodes into: packed ints, with alpha where TwelveMonkeys' {@code type} has it. */
    static ImageTypeSpecifier decodedType(ImageTypeSpecifier type) {
        return ImageTypeSpecifier.createFromBufferedImageType(type.getColorModel().hasAlpha()
                ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    }

    /**
     * The pixels of {@code file} as {@code TYPE_INT_RGB}, or {@code TYPE_INT_ARGB} when it has an alpha channel.
     * libwebp filters on a second thread while it decodes ({@code use_threads}), which shortens the wait on a
     * machine with a core to spare.
     */
    static BufferedImage decode(Path file) throws IOException {
        ImageReader reader = new WebPImageReaderSpi().createReaderInstance(null);
        try (FileImageInputStream in = new FileImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            WebPReadParam param = new WebPReadParam();
            param.setUseThreads(true);
            return reader.read(0, param);
        } finally {
            reader.dispose();
        }
    }

    private static boolean load() {
        try {
            new WebPReadParam(); // loads the native library and calls into it
            return true;
        } catch (LinkageError | RuntimeException e) {
            Log.warnf("libwebp could not be loaded on %s/%s (%s); WebP uploads are decoded in Java, several times slower",
                    System.getProperty("os.name"), System.getProperty("os.arch"), e);
            return false;
        }
    }
}
