package dev.newsroom.media.image;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_ColorSpace;
import java.awt.image.ColorConvertOp;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.Map;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A CMYK profile's conversion to sRGB sampled once on a grid of 25 points per ink (LittleCMS through the JDK's
 * {@link ColorConvertOp}, 390,625 colours) and interpolated for every pixel between the five grid points of the
 * 4-simplex around it. Converting a 24 Mpx CMYK photo pixel by pixel through ColorConvertOp took several seconds of CPU
 * (LittleCMS evaluates an ICC v4 CMYK profile without a precomputed table); the grid costs one such conversion of
 * 390,625 colours per profile, kept for the next photos (1.5 MB each), and the interpolation a few nanoseconds a pixel.
 * The result differs from the direct conversion by less than one level in 255 on average.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class CmykLookupTable {

    /**
     * Grid points per ink. 17 (LittleCMS's choice for its own 8-bit tables) put a saturated red 12 levels off in blue,
     * where the profile clips at the gamut's edge; 25 stays within 6 there and within 1 level on average.
     */
    static final int POINTS = 25;
    private static final int CELLS = POINTS - 1;
    /** Fractions inside a cell in 1/4096 steps. */
    private static final int FRACTION_BITS = 12;
    /** Each grid point's red, green and blue, times 4, in 10 bits each of one int. */
    private static final int CHANNEL_BITS = 10;
    private static final int CHANNEL_MASK = (1 << CHANNEL_BITS) - 1;
    private static final int SHIFT = FRACTION_BITS + 2;
    private static final int FRACTION_ONE = 1 << FRACTION_BITS;
    private static final int CACHED_PROFILES = 4;

    private static final Map<ByteBuffer, CmykLookupTable> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ByteBuffer, CmykLookupTable> eldest) {
            return size() > CACHED_PROFILES;
        }
    };

    /** The colour of each grid point (packed, see CHANNEL_BITS), the point (c, m, y, k) at ((c * n + m) * n + y) * n + k. */
    private final int[] rgb;

    /** The table of this profile; made once and kept for the next photos with the same profile (a newsroom has few). */
    static CmykLookupTable of(ICC_ColorSpace profile) {
        ByteBuffer key = ByteBuffer.wrap(profile.getProfile().getData());
        synchronized (CACHE) {
            CmykLookupTable cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        CmykLookupTable table = sample(profile);
        synchronized (CACHE) {
            CACHE.put(key, table);
        }
        return table;
    }

    private static CmykLookupTable sample(ICC_ColorSpace profile) {
        int count = POINTS * POINTS * POINTS * POINTS;
        WritableRaster grid = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, count, 1, 4, null);
        byte[] inks = ((DataBufferByte) grid.getDataBuffer()).getData();
        for (int i = 0, p = 0; p < count; p++) {
            inks[i++] = gridValue(p / (POINTS * POINTS * POINTS));
            inks[i++] = gridValue(p / (POINTS * POINTS) % POINTS);
            inks[i++] = gridValue(p / POINTS % POINTS);
            inks[i++] = gridValue(p % POINTS);
        }
        WritableRaster rgb = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, count, 1, 3, null);
        new ColorConvertOp(profile, ColorSpace.getInstance(ColorSpace.CS_sRGB), null).filter(grid, rgb);
        byte[] samples = ((DataBufferByte) rgb.getDataBuffer()).getData();
        int[] packed = new int[count];
        for (int p = 0; p < count; p++) {
            packed[p] = (samples[3 * p] & 0xFF) << 2 << 2 * CHANNEL_BITS | (samples[3 * p + 1] & 0xFF) << 2 << CHANNEL_BITS
                    | (samples[3 * p + 2] & 0xFF) << 2;
        }
        return new CmykLookupTable(packed);
    }

    /** The ink amount of grid index {@code index}, spread evenly over 0-255. */
    private static byte gridValue(int index) {
        return (byte) Math.round(index * 255.0 / CELLS);
    }

    /**
     * Converts interleaved C, M, Y, K ink amounts (0 = no ink) into interleaved B, G, R, the layout of
     * {@code TYPE_3BYTE_BGR}. With {@code inverted}, the samples are stored as 255 minus the ink, as Adobe writes them.
     */
    void toBgr(byte[] cmyk, byte[] bgr, boolean inverted) {
        // Per sample value: the grid cell below it (as an offset along one axis) and the fraction towards the next.
        int[] cell = new int[256];
        int[] fraction = new int[256];
        for (int value = 0; value < 256; value++) {
            int ink = inverted ? 255 - value : value;
            int scaled = ink * CELLS * FRACTION_ONE / 255;
            int index = Math.min(scaled >> FRACTION_BITS, CELLS - 1);
            cell[value] = index;
            fraction[value] = scaled - (index << FRACTION_BITS);
        }
        int strideC = POINTS * POINTS * POINTS;
        int strideM = POINTS * POINTS;
        int strideY = POINTS;
        int half = 1 << (SHIFT - 1);
        for (int i = 0, o = 0; i < cmyk.length; i += 4, o += 3) {
            int c = cmyk[i] & 0xFF;
            int m = cmyk[i + 1] & 0xFF;
            int y = cmyk[i + 2] & 0xFF;
            int k = cmyk[i + 3] & 0xFF;
            int base = cell[c] * strideC + cell[m] * strideM + cell[y] * strideY + cell[k];
            // The four fractions with their axes, largest first: the simplex walks the axes in that order.
            int f1 = fraction[c];
            int s1 = strideC;
            int f2 = fraction[m];
            int s2 = strideM;
            int f3 = fraction[y];
            int s3 = strideY;
            int f4 = fraction[k];
            int s4 = 1;
            int t;
            if (f1 < f2) { t = f1; f1 = f2; f2 = t; t = s1; s1 = s2; s2 = t; }
            if (f3 < f4) { t = f3; f3 = f4; f4 = t; t = s3; s3 = s4; s4 = t; }
            if (f1 < f3) { t = f1; f1 = f3; f3 = t; t = s1; s1 = s3; s3 = t; }
            if (f2 < f4) { t = f2; f2 = f4; f4 = t; t = s2; s2 = s4; s4 = t; }
            if (f2 < f3) { t = f2; f2 = f3; f3 = t; t = s2; s2 = s3; s3 = t; }
            int p1 = base + s1;
            int p2 = p1 + s2;
            int p3 = p2 + s3;
            int p4 = p3 + s4;
            int w0 = FRACTION_ONE - f1;
            int w1 = f1 - f2;
            int w2 = f2 - f3;
            int w3 = f3 - f4;
            int q0 = rgb[base];
            int q1 = rgb[p1];
            int q2 = rgb[p2];
            int q3 = rgb[p3];
            int q4 = rgb[p4];
            bgr[o] = (byte) (weigh(q0, q1, q2, q3, q4, w0, w1, w2, w3, f4, 0) + half >> SHIFT);
            bgr[o + 1] = (byte) (weigh(q0, q1, q2, q3, q4, w0, w1, w2, w3, f4, CHANNEL_BITS) + half >> SHIFT);
            bgr[o + 2] = (byte) (weigh(q0, q1, q2, q3, q4, w0, w1, w2, w3, f4, 2 * CHANNEL_BITS) + half >> SHIFT);
        }
    }

    /** One channel (at bit {@code shift}) of five grid points, weighted: at most 4096 x 1020, well inside an int. */
    private static int weigh(int q0, int q1, int q2, int q3, int q4, int w0, int w1, int w2, int w3, int w4, int shift) {
        return w0 * (q0 >> shift & CHANNEL_MASK) + w1 * (q1 >> shift & CHANNEL_MASK) + w2 * (q2 >> shift & CHANNEL_MASK)
                + w3 * (q3 >> shift & CHANNEL_MASK) + w4 * (q4 >> shift & CHANNEL_MASK);
    }
}
