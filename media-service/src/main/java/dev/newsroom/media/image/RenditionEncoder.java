package dev.newsroom.media.image;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Writes pixels only: with no metadata passed, the JPEG writer emits a bare JFIF header and the PNG writer no text
 * chunks, so nothing of the upload's EXIF, GPS, XMP or IPTC can reach a reader.
 */
final class RenditionEncoder {

    static final float JPEG_QUALITY = 0.85f;

    private RenditionEncoder() {
    }

    static byte[] encode(BufferedImage image, ImageFormat format) {
        ImageWriter writer = writer(format);
        ImageWriteParam param = writer.getDefaultWriteParam();
        if (format == ImageFormat.JPEG) {
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
        }
        return write(writer, param, image);
    }

    /** The image as writer and param encode it, in memory; the writer is disposed of. */
    static byte[] write(ImageWriter writer, ImageWriteParam param, BufferedImage image) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(16 * 1024, image.getWidth() * image.getHeight() / 4));
        // A memory cache: ImageIO's default would spill to a temporary file.
        try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static ImageWriter writer(ImageFormat format) {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByMIMEType(format.mimeType());
        if (!writers.hasNext()) {
            throw new IllegalStateException("No ImageIO writer for " + format.mimeType());
        }
        return writers.next();
    }
}
