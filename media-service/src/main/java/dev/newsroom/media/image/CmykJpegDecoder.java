package dev.newsroom.media.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.PixelInterleavedSampleModel;
import java.awt.image.Raster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageReader;

import com.drew.imaging.jpeg.JpegProcessingException;
import com.drew.imaging.jpeg.JpegSegmentData;
import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;

import io.quarkus.logging.Log;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Decodes Adobe CMYK and YCCK JPEGs with their embedded ICC profile. TwelveMonkeys checks a profile by converting a
 * colour and then reading the profile's bytes back, which JDK 17's LittleCMS cannot do for some ICC v4 profiles
 * (Ghostscript's and other v4 CMYK profiles fail with "Can not access specified profile"); it then drops the profile
 * and converts with plain formulas, which darkens a light grey from 200 to 148. The JDK converts with the very same
 * profile correctly, so these files are read as a raw raster here and converted with it (through a
 * {@link CmykLookupTable}, sampled from the JDK's conversion with that profile). Sample conventions follow
 * TwelveMonkeys (Adobe files store inverted ink; YCCK is the inverted CMY channels coded as YCbCr).
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class CmykJpegDecoder {

    private static final byte[] ICC_MARKER = "ICC_PROFILE\0".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ADOBE_MARKER = "Adobe".getBytes(StandardCharsets.US_ASCII);
    private static final int ADOBE_TRANSFORM_OFFSET = 11;
    private static final int TRANSFORM_CMYK = 0;
    private static final int TRANSFORM_YCCK = 2;

    private final ICC_ColorSpace profile;
    private final boolean ycck;

    /**
     * A decoder for {@code file} when it is a four-component JPEG with an Adobe marker and a CMYK ICC profile that
     * the JDK can use; empty for every other JPEG, which TwelveMonkeys reads as it is.
     */
    static Optional<CmykJpegDecoder> forFile(Path file) {
        try {
            JpegSegmentData segments = JpegSegmentReader.readSegments(file.toFile(),
                    List.of(JpegSegmentType.SOF0, JpegSegmentType.SOF1, JpegSegmentType.SOF2, JpegSegmentType.APP2,
                            JpegSegmentType.APPE));
            if (components(segments) != 4) {
                return Optional.empty();
            }
            Integer transform = adobeTransform(segments);
            byte[] icc = iccProfile(segments);
            if (transform == null || transform != TRANSFORM_CMYK && transform != TRANSFORM_YCCK || icc == null) {
                return Optional.empty();
            }
            ICC_ColorSpace space = new ICC_ColorSpace(ICC_Profile.getInstance(icc));
            if (space.getType() != ColorSpace.TYPE_CMYK) {
                return Optional.empty();
            }
            space.toRGB(new float[] {0.1f, 0.2f, 0.3f, 0.4f}); // fails now, not halfway through a picture
            return Optional.of(new CmykJpegDecoder(space, transform == TRANSFORM_YCCK));
        } catch (JpegProcessingException | IOException | RuntimeException e) {
            // An unusable profile or odd segments: TwelveMonkeys' own handling still gives a fair picture.
            Log.debugf(e, "Reading CMYK JPEG %s without its ICC profile", file);
            return Optional.empty();
        }
    }

    /** The image in 8-bit sRGB, converted through the embedded profile. */
    BufferedImage decode(ImageReader reader) throws IOException {
        Raster raw = reader.readRaster(0, reader.getDefaultReadParam());
        // The samples are converted in their array: one array, C, M, Y, K interleaved, rows back to back.
        if (!(raw.getDataBuffer() instanceof DataBufferByte buffer) || buffer.getNumBanks() != 1 || buffer.getOffset() != 0
                || !(raw.getSampleModel() instanceof PixelInterleavedSampleModel model) || model.getPixelStride() != 4
                || model.getScanlineStride() != raw.getWidth() * 4
                || !Arrays.equals(model.getBandOffsets(), new int[] {0, 1, 2, 3}) || raw.getParent() != null) {
            throw new IOException("unexpected raw raster layout for a CMYK JPEG: " + raw.getSampleModel());
        }
        byte[] samples = buffer.getData();
        if (ycck) {
            toCmyk(samples);
        }
        BufferedImage image = new BufferedImage(raw.getWidth(), raw.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
        CmykLookupTable.of(profile).toBgr(samples, ((DataBufferByte) image.getRaster().getDataBuffer()).getData(), !ycck);
        return image;
    }

    /** YCCK to the ink amounts: the YCbCr-coded channels are inverted C, M and Y, and K is stored inverted. */
    private static void toCmyk(byte[] samples) {
        for (int i = 0; i < samples.length; i += 4) {
            int y = samples[i] & 0xFF;
            int cb = (samples[i + 1] & 0xFF) - 128;
            int cr = (samples[i + 2] & 0xFF) - 128;
            // JFIF YCbCr to RGB (ITU-T T.871, 7), in fixed point with 16 fraction bits.
            samples[i] = clamp(y + ((91_881 * cr + 32_768) >> 16));
            samples[i + 1] = clamp(y - ((22_554 * cb + 46_802 * cr - 32_768) >> 16));
            samples[i + 2] = clamp(y + ((116_130 * cb + 32_768) >> 16));
            samples[i + 3] = (byte) (255 - (samples[i + 3] & 0xFF));
        }
    }

    private static byte clamp(int value) {
        return (byte) Math.max(0, Math.min(255, value));
    }

    private static int components(JpegSegmentData segments) {
        for (JpegSegmentType type : List.of(JpegSegmentType.SOF0, JpegSegmentType.SOF1, JpegSegmentType.SOF2)) {
            byte[] frame = segments.getSegment(type);
            if (frame != null && frame.length > 5) {
                return frame[5] & 0xFF;
            }
        }
        return 0;
    }

    private static Integer adobeTransform(JpegSegmentData segments) {
        for (byte[] segment : segments.getSegments(JpegSegmentType.APPE)) {
            if (segment.length > ADOBE_TRANSFORM_OFFSET && startsWith(segment, ADOBE_MARKER)) {
                return segment[ADOBE_TRANSFORM_OFFSET] & 0xFF;
            }
        }
        return null;
    }

    /** The profile from its APP2 chunks in sequence order (ICC.1:2010, B.4), or null when a chunk is missing. */
    private static byte[] iccProfile(JpegSegmentData segments) {
        byte[][] chunks = null;
        for (byte[] segment : segments.getSegments(JpegSegmentType.APP2)) {
            if (segment.length <= ICC_MARKER.length + 2 || !startsWith(segment, ICC_MARKER)) {
                continue;
            }
            int sequence = segment[ICC_MARKER.length] & 0xFF;
            int count = segment[ICC_MARKER.length + 1] & 0xFF;
            if (chunks == null) {
                chunks = new byte[count][];
            }
            if (count != chunks.length || sequence < 1 || sequence > count) {
                return null;
            }
            chunks[sequence - 1] = Arrays.copyOfRange(segment, ICC_MARKER.length + 2, segment.length);
        }
        if (chunks == null || Arrays.stream(chunks).anyMatch(chunk -> chunk == null)) {
            return null;
        }
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            profile.writeBytes(chunk);
        }
        return profile.toByteArray();
    }

    private static boolean startsWith(byte[] data, byte[] prefix) {
        return data.length >= prefix.length && Arrays.equals(data, 0, prefix.length, prefix, 0, prefix.length);
    }
}
