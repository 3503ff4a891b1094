package dev.newsroom.media.image;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.IOException;

import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;

/**
 * Reads a colour JPEG that decodes to 8-bit sRGB into a destination whose bytes are in libjpeg's own order (R, G, B),
 * then swaps red and blue in place to give the usual {@code TYPE_3BYTE_BGR}. The JDK's reader hands over every decoded
 * row through {@code Raster.setRect}, which copies pixel by pixel into a BGR raster but with one array copy into an
 * RGB one; a progressive JPEG hands over every row once per scan (ten times for a usual progression), which made that
 * copy a fifth of its decoding time. Same pixels, same memory: one image, swapped where it lies.
 */
final class RgbJpegDecoder {

    private static final ComponentColorModel SRGB = new ComponentColorModel(ColorSpace.getInstance(ColorSpace.CS_sRGB),
            false, false, Transparency.OPAQUE, DataBuffer.TYPE_BYTE);

    private RgbJpegDecoder() {
    }

    /**
     * Whether the reader (input set) would decode image 0, stored with three components, into {@code TYPE_3BYTE_BGR}:
     * the case this class serves. Four-component (CMYK, YCCK) files are converted by TwelveMonkeys or
     * {@link CmykJpegDecoder} instead.
     */
    static boolean applies(ImageReader reader) throws IOException {
        ImageTypeSpecifier raw = reader.getRawImageType(0);
        return raw != null && raw.getNumBands() == 3
                && reader.getImageTypes(0).next().getBufferedImageType() == BufferedImage.TYPE_3BYTE_BGR;
    }

    static BufferedImage decode(ImageReader reader) throws IOException {
        int width = reader.getWidth(0);
        int height = reader.getHeight(0);
        WritableRaster rgb = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, width, height, width * 3, 3,
                new int[] {0, 1, 2}, null);
        ImageReadParam param = reader.getDefaultReadParam();
        param.setDestination(new BufferedImage(SRGB, rgb, false, null));
        reader.read(0, param);
        byte[] samples = ((DataBufferByte) rgb.getDataBuffer()).getData();
        for (int i = 0; i < samples.length; i += 3) {
            byte red = samples[i];
            samples[i] = samples[i + 2];
            samples[i + 2] = red;
        }
        WritableRaster bgr = Raster.createInterleavedRaster(rgb.getDataBuffer(), width, height, width * 3, 3,
                new int[] {2, 1, 0}, null);
        BufferedImage image = new BufferedImage(SRGB, bgr, false, null);
        if (image.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            throw new IllegalStateException("expected a TYPE_3BYTE_BGR image, got type " + image.getType());
        }
        return image;
    }
}
