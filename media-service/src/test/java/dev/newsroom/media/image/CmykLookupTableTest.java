package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;

/** The interpolated table gives what converting every pixel through the profile gives, to about a level in 255. */
class CmykLookupTableTest {

    private static final int PIXELS = 200_000;

    @Test
    void matchesTheDirectConversionThroughTheProfile() throws Exception {
        ICC_ColorSpace profile = fixtureProfile();
        byte[] inks = new byte[PIXELS * 4];
        new Random(7).nextBytes(inks);
        // Grid points, edges and the paper white as well as random ink.
        byte[] corners = {0, 0, 0, 0, (byte) 255, (byte) 255, (byte) 255, (byte) 255, 0, (byte) 200, (byte) 200, 35};
        System.arraycopy(corners, 0, inks, 0, corners.length);

        byte[] bgr = new byte[PIXELS * 3];
        CmykLookupTable.of(profile).toBgr(inks, bgr, false);

        byte[] expected = direct(profile, inks);
        long sum = 0;
        int max = 0;
        for (int i = 0; i < bgr.length; i++) {
            int difference = Math.abs((bgr[i] & 0xFF) - (expected[i] & 0xFF));
            sum += difference;
            max = Math.max(max, difference);
        }
        assertThat((double) sum / bgr.length).as("mean difference in levels").isLessThan(1.0);
        // The largest lie where the profile clips mixes of 300 % ink and more; the 24 Mpx test photos stay within 16.
        assertThat(max).as("largest difference in levels").isLessThanOrEqualTo(40);
    }

    @Test
    void readsInvertedSamplesAsAdobeStoresThem() throws Exception {
        CmykLookupTable table = CmykLookupTable.of(fixtureProfile());
        byte[] inks = {0, (byte) 190, (byte) 190, 35};
        byte[] stored = {(byte) 255, 65, 65, (byte) 220};
        byte[] fromInks = new byte[3];
        byte[] fromStored = new byte[3];

        table.toBgr(inks, fromInks, false);
        table.toBgr(stored, fromStored, true);

        assertThat(fromStored).containsExactly(fromInks);
        assertThat(fromInks[2] & 0xFF).as("red of a red ink mix").isGreaterThan(200);
    }

    @Test
    void keepsOneTablePerProfile() throws Exception {
        assertThat(CmykLookupTable.of(fixtureProfile())).isSameAs(CmykLookupTable.of(fixtureProfile()));
    }

    /** The pixels in B, G, R order as the JDK's conversion through the profile gives them. */
    private static byte[] direct(ICC_ColorSpace profile, byte[] inks) {
        WritableRaster source = Raster.createInterleavedRaster(new DataBufferByte(inks, inks.length), PIXELS, 1,
                PIXELS * 4, 4, new int[] {0, 1, 2, 3}, null);
        WritableRaster target = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, PIXELS, 1, PIXELS * 3, 3,
                new int[] {2, 1, 0}, null);
        new ColorConvertOp(profile, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(source, target);
        return ((DataBufferByte) target.getDataBuffer()).getData();
    }

    /** The ICC v4 CMYK profile embedded in cmyk-icc.jpg (Ghostscript's ps_cmyk.icc). */
    static ICC_ColorSpace fixtureProfile() throws Exception {
        List<byte[]> chunks = List.copyOf((java.util.Collection<byte[]>) JpegSegmentReader
                .readSegments(TestImages.fixture("cmyk-icc.jpg").toFile(), List.of(JpegSegmentType.APP2))
                .getSegments(JpegSegmentType.APP2));
        ByteArrayOutputStream profile = new ByteArrayOutputStream();
        for (byte[] chunk : chunks) {
            profile.writeBytes(Arrays.copyOfRange(chunk, 14, chunk.length)); // "ICC_PROFILE\0", sequence, count
        }
        return new ICC_ColorSpace(ICC_Profile.getInstance(profile.toByteArray()));
    }
}
