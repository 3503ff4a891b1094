package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExifOrientationTest {

    private static final int W = 3;
    private static final int H = 2;

    /** Every orientation for the array copies (int, 3 bytes, 1 byte per pixel) and the Java2D fallback (565). */
    static Stream<Arguments> orientationsAndTypes() {
        return IntStream.rangeClosed(1, 8).boxed().flatMap(orientation -> Stream.of(
                BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_BYTE_GRAY,
                BufferedImage.TYPE_4BYTE_ABGR, BufferedImage.TYPE_USHORT_565_RGB)
                .map(type -> Arguments.of(orientation, type)));
    }

    @ParameterizedTest
    @MethodSource("orientationsAndTypes")
    void movesEveryStoredPixelToWhereTheTagSaysItIsSeen(int orientation, int type) {
        BufferedImage stored = new BufferedImage(W, H, type);
        WritableRaster raster = stored.getRaster();
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                for (int band = 0; band < raster.getNumBands(); band++) {
                    raster.setSample(x, y, band, 1 + x + y * W); // unique per pixel, fits 5 bits
                }
            }
        }

        BufferedImage upright = ExifOrientation.upright(stored, orientation);

        boolean quarter = orientation >= 5;
        assertThat(upright.getType()).isEqualTo(type);
        assertThat(upright.getWidth()).isEqualTo(quarter ? H : W);
        assertThat(upright.getHeight()).isEqualTo(quarter ? W : H);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                // EXIF 2.32, tag 0x0112: where the stored pixel (x, y) is seen.
                int[] seen = switch (orientation) {
                    case 1 -> new int[] {x, y};
                    case 2 -> new int[] {W - 1 - x, y};
                    case 3 -> new int[] {W - 1 - x, H - 1 - y};
                    case 4 -> new int[] {x, H - 1 - y};
                    case 5 -> new int[] {y, x};
                    case 6 -> new int[] {H - 1 - y, x};
                    case 7 -> new int[] {H - 1 - y, W - 1 - x};
                    default -> new int[] {y, W - 1 - x};
                };
                assertThat(upright.getRGB(seen[0], seen[1])).as("stored (%d,%d)", x, y).isEqualTo(stored.getRGB(x, y));
            }
        }
    }
}
