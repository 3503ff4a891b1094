package dev.newsroom.media.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ColorConvertOp;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * Brings whatever a decoder returns (16-bit, grey with alpha, palette, a foreign ICC colour space) to 8-bit sRGB in
 * one of the few image types that Java2D scales and the JDK encoders write without a slow per-pixel path.
 */
final class SrgbNormaliser {

    private SrgbNormaliser() {
    }

    /** The image itself when it already has a fast sRGB type, else an 8-bit sRGB copy. */
    static BufferedImage normalise(BufferedImage image) {
        if (isFastType(image.getType())) {
            return image;
        }
        ColorModel model = image.getColorModel();
        ColorSpace space = model.getColorSpace();
        int transfer = model.getTransferType();
        boolean samplesAreDisplayValues = space.isCS_sRGB() || space.getType() == ColorSpace.TYPE_GRAY;
        if (model instanceof ComponentColorModel && samplesAreDisplayValues && !model.isAlphaPremultiplied()
                && (transfer == DataBuffer.TYPE_BYTE || transfer == DataBuffer.TYPE_USHORT)) {
            return copySamples(image);
        }
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(),
                model.hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        if (space.getType() != ColorSpace.TYPE_GRAY && !space.isCS_sRGB()) {
            // An ICC colour space (Adobe RGB, Display P3, CMYK): convert colorimetrically, not by copying numbers.
            new ColorConvertOp(null).filter(image, target);
            return target;
        }
        draw(image, target);
        return target;
    }

    /** Whether the image has any pixel that is not fully opaque. */
    static boolean hasTransparency(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return false;
        }
        WritableRaster alpha = image.getAlphaRaster();
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            alpha.getSamples(0, y, width, 1, 0, row);
            for (int value : row) {
                if (value != 255) {
                    return true;
                }
            }
        }
        return false;
    }

    /** An opaque copy for JPEG, which has no alpha channel; only called on images whose alpha is all 255. */
    static BufferedImage opaque(BufferedImage image) {
        if (!image.getColorModel().hasAlpha()) {
            return image;
        }
        BufferedImage target = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
        draw(image, target);
        return target;
    }

    static void draw(BufferedImage source, BufferedImage target) {
        Graphics2D g = target.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            g.drawImage(source, 0, 0, null);
        } finally {
            g.dispose();
        }
    }

    static boolean isFastType(int type) {
        return type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
                || type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR
                || type == BufferedImage.TYPE_BYTE_GRAY;
    }

    /**
     * Copies samples to 8 bits per channel. Java2D would treat a grey ComponentColorModel as linear light and
     * brighten it; PNG grey samples are gamma-encoded like sRGB, so they are copied as they are.
     */
    private static BufferedImage copySamples(BufferedImage image) {
        ColorModel model = image.getColorModel();
        boolean grey = model.getColorSpace().getType() == ColorSpace.TYPE_GRAY;
        boolean alpha = model.hasAlpha();
        Raster raster = image.getRaster();
        int width = image.getWidth();
        int bands = raster.getNumBands();
        int[] max = new int[bands];
        for (int b = 0; b < bands; b++) {
            max[b] = (1 << model.getComponentSize(b)) - 1;
        }
        BufferedImage target = new BufferedImage(width, image.getHeight(),
                alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        WritableRaster out = target.getRaster();
        int[] samples = new int[width * bands];
        int[] pixels = new int[width];
        for (int y = 0; y < image.getHeight(); y++) {
            raster.getPixels(0, y, width, 1, samples);
            for (int x = 0, i = 0; x < width; x++, i += bands) {
                int r = to8(samples[i], max[0]);
                int g = grey ? r : to8(samples[i + 1], max[1]);
                int b = grey ? r : to8(samples[i + 2], max[2]);
                int a = alpha ? to8(samples[i + bands - 1], max[bands - 1]) : 255;
                pixels[x] = a << 24 | r << 16 | g << 8 | b;
            }
            out.setDataElements(0, y, width, 1, pixels);
        }
        return target;
    }

    private static int to8(int sample, int max) {
        return max == 255 ? sample : (sample * 255 + max / 2) / max;
    }
}
