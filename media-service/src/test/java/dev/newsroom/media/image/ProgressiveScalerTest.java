package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class ProgressiveScalerTest {

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

    @Test
    void averagesFineDetailInsteadOfAliasing() {
        // One-pixel black and white stripes: a single bilinear step to 1/15 samples a few columns and comes out
        // black, white or striped; averaging every source pixel gives an even mid grey.
        BufferedImage stripes = new BufferedImage(6000, 60, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 6000; x += 2) {
            for (int y = 0; y < 60; y++) {
                stripes.setRGB(x, y, 0xFFFFFF);
            }
        }

        BufferedImage scaled = ProgressiveScaler.fitWidth(stripes, 400);

        for (int x = 0; x < scaled.getWidth(); x++) {
            assertThat(new Color(scaled.getRGB(x, 2)).getRed()).as("column %d", x).isBetween(112, 143);
        }
    }
}
