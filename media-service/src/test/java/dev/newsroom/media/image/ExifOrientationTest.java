package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ExifOrientationTest {

    private static final int W = 3;
    private static final int H = 2;

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
    void movesEveryStoredPixelToWhereTheTagSaysItIsSeen(int orientation) {
        BufferedImage stored = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < H; y++) {
            for (int x = 0; x < W; x++) {
                stored.setRGB(x, y, id(x, y));
            }
        }

        BufferedImage upright = ExifOrientation.upright(stored, orientation);

        boolean quarter = orientation >= 5;
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
                assertThat(upright.getRGB(seen[0], seen[1]) & 0xFFFFFF).as("stored (%d,%d)", x, y).isEqualTo(id(x, y));
            }
        }
    }

    private static int id(int x, int y) {
        return (x + 1) * 40 << 16 | (y + 1) * 40 << 8;
    }
}
