package dev.newsroom.media.image;

import java.awt.image.DataBuffer;
import java.awt.image.SampleModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

import com.drew.imaging.jpeg.JpegSegmentData;
import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;

import io.quarkus.logging.Log;

/**
 * Estimates, from the header alone, the most memory that turning one image into renditions holds at once: the decoded
 * pixels, the 8-bit sRGB copy where the decoder returns another layout, the turned copy for an EXIF orientation, the
 * encoders' buffers, and for progressive JPEGs the decoder's coefficient buffers outside the Java heap. Measured peaks
 * of 24 Mpx images (least -Xmx that succeeds, less the JVM's own 45 MB) stay below the estimate: baseline JPEG 3.3
 * bytes per pixel (estimated 5), turned JPEG 5.2 (8), CMYK JPEG 5.8 (9), 16-bit RGB PNG 9 (12), 16-bit RGBA PNG 11
 * (14), palette PNG and GIF 4-5 (7); a progressive JPEG adds 5.8 bytes per pixel of native memory at 4:4:4.
 */
final class DecodeCost {

    /** Scaled copies (a quarter of the pixels and less) and the encoder's output buffer. */
    private static final int SCALING_AND_ENCODING = 2;
    /** The bytes per pixel of TYPE_INT_RGB / TYPE_INT_ARGB, which the normaliser converts other layouts to. */
    private static final int INT_PIXEL = 4;

    private DecodeCost() {
    }

    /**
     * Bytes that decoding {@code file} with {@code reader} (input set, not yet read) and making its renditions may hold
     * at the same time.
     */
    static long estimate(ImageReader reader, ImageInfo info, Path file) throws IOException {
        long pixels = (long) info.width() * info.height();
        ImageTypeSpecifier destination = reader.getImageTypes(0).next();
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        if (info.format() == ImageFormat.WEBP && LibwebpDecoder.applies(file)) {
            destination = LibwebpDecoder.decodedType(destination); // libwebp writes straight into the image's ints
            raw = destination;
        }
        int decoded = bytesPerPixel(destination);
        // CMYK and YCCK JPEGs are decoded into a 4-band raster first and converted into the destination after.
        int intermediate = raw != null && bytesPerPixel(raw) != decoded ? bytesPerPixel(raw) : 0;
        boolean fast = SrgbNormaliser.isFastType(destination.getBufferedImageType());
        int working = fast ? decoded : INT_PIXEL;
        long perPixel = Math.max(decoded + intermediate, fast ? decoded : decoded + working);
        perPixel = Math.max(perPixel, info.orientation() == 1 ? working : 2L * working);
        // An image with an alpha channel but no transparent pixel is copied once more, opaque, for JPEG.
        perPixel = Math.max(perPixel, destination.getColorModel().hasAlpha() ? working + INT_PIXEL : working);
        perPixel += SCALING_AND_ENCODING;
        long coefficients = info.format() == ImageFormat.JPEG ? progressiveCoefficientBytes(file, pixels) : 0;
        return pixels * perPixel + coefficients + 2 * Files.size(file);
    }

    /** Bytes of one pixel in a raster of this type, rounded up to whole bytes. */
    static int bytesPerPixel(ImageTypeSpecifier type) {
        SampleModel model = type.getSampleModel(1, 1);
        int bits = DataBuffer.getDataTypeSize(model.getDataType()) * model.getNumDataElements();
        return Math.max(1, (bits + 7) / 8);
    }

    /**
     * A progressive JPEG is decoded by libjpeg keeping every DCT coefficient (2 bytes) of every component until the
     * last scan, in native memory: 2 bytes per pixel per full-resolution component, less for subsampled chroma.
     */
    private static long progressiveCoefficientBytes(Path file, long pixels) {
        List<JpegSegmentType> progressive = List.of(JpegSegmentType.SOF2, JpegSegmentType.SOF6, JpegSegmentType.SOF10,
                JpegSegmentType.SOF14);
        try {
            JpegSegmentData segments = JpegSegmentReader.readSegments(file.toFile(), progressive);
            for (JpegSegmentType type : progressive) {
                byte[] frame = segments.getSegment(type);
                if (frame != null) {
                    return (long) Math.ceil(2 * pixels * componentsPerPixel(frame));
                }
            }
            return 0;
        } catch (Exception e) {
            // The decoder will fail on such a file as well; until then assume the dearest case, three full components.
            Log.debugf(e, "Unreadable JPEG frame header in %s", file);
            return 6 * pixels;
        }
    }

    /** Sum over the frame's components of their share of full resolution (ITU T.81, B.2.2: frame header). */
    private static double componentsPerPixel(byte[] frame) {
        int count = frame[5] & 0xFF;
        int maxH = 1;
        int maxV = 1;
        for (int i = 0; i < count; i++) {
            int sampling = frame[6 + 3 * i + 1] & 0xFF;
            maxH = Math.max(maxH, sampling >> 4);
            maxV = Math.max(maxV, sampling & 0x0F);
        }
        double share = 0;
        for (int i = 0; i < count; i++) {
            int sampling = frame[6 + 3 * i + 1] & 0xFF;
            share += (double) ((sampling >> 4) * (sampling & 0x0F)) / (maxH * maxV);
        }
        return share;
    }
}
