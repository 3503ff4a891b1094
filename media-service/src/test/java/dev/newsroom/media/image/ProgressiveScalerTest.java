package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.Raster;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProgressiveScalerTest {

    @Test
    void halvesByTakingTheMeanOfEachBlock() {
        BufferedImage source = new BufferedImage(4, 2, BufferedImage.TYPE_3BYTE_BGR);
        source.setRGB(0, 0, 0x000000);
        source.setRGB(1, 0, 0x0A1428);
        source.setRGB(0, 1, 0x141E32);
        source.setRGB(1, 1, 0x1E283C);
        source.setRGB(2, 0, 0xFFFFFF);
        source.setRGB(3, 0, 0xFFFFFF);
        source.setRGB(2, 1, 0xFFFFFF);
        source.setRGB(3, 1, 0xFFFFFE);

        BufferedImage halved = ProgressiveScaler.fitWidth(source, 2);

        assertThat(halved.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x0F1726);
        assertThat(halved.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFFFFFF);
    }

    @Test
    void fitsTheWidthAndKeepsTheAspectRatio() {
        BufferedImage scaled = ProgressiveScaler.fitWidth(new BufferedImage(6000, 4000, BufferedImage.TYPE_3BYTE_BGR), 1200);

        assertThat(scaled.getWidth()).isEqualTo(1200);
        assertThat(scaled.getHeight()).isEqualTo(800);
        assertThat(scaled.getType()).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
    }

    @Test
    void neverScalesUpAndKeepsAtLeastOneRow() {
        BufferedImage small = new BufferedImage(300, 200, BufferedImage.TYPE_INT_RGB);

        assertThat(ProgressiveScaler.fitWidth(small, 400)).isSameAs(small);
        assertThat(ProgressiveScaler.fitWidth(new BufferedImage(5000, 1, BufferedImage.TYPE_INT_RGB), 400).getHeight())
                .isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(ints = {BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_BYTE_GRAY,
            BufferedImage.TYPE_INT_ARGB})
    void averagesFineDetailInsteadOfAliasing(int type) {
        // One-pixel black and white stripes: a single bilinear step to 1/15 samples a few columns and comes out
        // black, white or striped; averaging every source pixel gives an even mid grey.
        BufferedImage stripes = new BufferedImage(6000, 60, type);
        for (int x = 0; x < 6000; x += 2) {
            for (int y = 0; y < 60; y++) {
                stripes.setRGB(x, y, 0xFFFFFFFF);
                stripes.setRGB(x + 1, y, 0xFF000000);
            }
        }

        BufferedImage scaled = ProgressiveScaler.fitWidth(stripes, 400);

        assertThat(scaled.getType()).isEqualTo(type);
        Raster raster = scaled.getRaster();
        for (int x = 0; x < scaled.getWidth(); x++) {
            // Samples, not getRGB: a grey image's getRGB takes its samples for linear light.
            int first = raster.getSample(x, 2, 0);
            assertThat(first).as("column %d", x).isBetween(112, 143);
            for (int band = 1; band < raster.getNumBands(); band++) {
                assertThat(raster.getSample(x, 2, band)).isEqualTo(band == 3 ? 255 : first);
            }
        }
    }
}
