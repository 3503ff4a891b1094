package dev.newsroom.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.RenderedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The benchmarks' synthetic photos and how they are encoded (JPEG baseline, progressive, CMYK, YCCK; PNG, GIF). */
public final class Images {

    private Images() {
    }

    /** Smooth light, colour waves and sensor-like noise: about as much work for a codec as a real photo. */
    public static BufferedImage photo(int width, int height, long seed) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        Random random = new Random(seed);
        int i = 0;
        for (int y = 0; y < height; y++) {
            double v = (double) y / height;
            for (int x = 0; x < width; x++) {
                double u = (double) x / width;
                double light = 0.5 + 0.3 * Math.sin(6 * u + 2 * v + seed) * Math.cos(5 * v - u);
                int noise = random.nextInt(25) - 12;
                data[i++] = clamp(255 * (light * (0.6 + 0.4 * Math.sin(9 * v))) + noise); // blue
                data[i++] = clamp(255 * (light * (0.7 + 0.3 * Math.cos(7 * u))) + noise); // green
                data[i++] = clamp(255 * light + 40 * Math.sin(40 * u * v) + noise);      // red
            }
        }
        return image;
    }

    public static byte[] baseline(RenderedImage image) throws IOException {
        return jpeg(new IIOImage(image, null, null), false);
    }

    public static byte[] progressive(RenderedImage image) throws IOException {
        return jpeg(new IIOImage(image, null, null), true);
    }

    /**
     * The photo as Photoshop writes CMYK: naive ink amounts stored inverted, an Adobe APP14 marker (transform 0 for
     * CMYK, 2 for YCCK, whose C, M and Y travel as YCbCr) and the given ICC profile segments (none: no profile). The
     * JDK's writer stores a four-band raster's samples as they are, without any marker.
     */
    public static byte[] adobeJpeg(BufferedImage rgb, boolean ycck, List<byte[]> profile) throws IOException {
        byte[] bgr = ((DataBufferByte) rgb.getRaster().getDataBuffer()).getData();
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, rgb.getWidth(), rgb.getHeight(),
                4, null);
        byte[] samples = ((DataBufferByte) raster.getDataBuffer()).getData();
        for (int i = 0, o = 0; i < bgr.length; i += 3, o += 4) {
            int red = bgr[i + 2] & 0xFF;
            int green = bgr[i + 1] & 0xFF;
            int blue = bgr[i] & 0xFF;
            int k = 255 - Math.max(red, Math.max(green, blue));
            int c = 255 - red - k;
            int m = 255 - green - k;
            int y = 255 - blue - k;
            if (ycck) {
                samples[o] = clamp(0.299 * c + 0.587 * m + 0.114 * y);
                samples[o + 1] = clamp(128 - 0.168736 * c - 0.331264 * m + 0.5 * y);
                samples[o + 2] = clamp(128 + 0.5 * c - 0.418688 * m - 0.081312 * y);
            } else {
                samples[o] = (byte) (255 - c);
                samples[o + 1] = (byte) (255 - m);
                samples[o + 2] = (byte) (255 - y);
            }
            samples[o + 3] = (byte) (255 - k);
        }
        byte[] jpeg = jpeg(new IIOImage(raster, null, null), false);
        ByteArrayOutputStream marked = new ByteArrayOutputStream(jpeg.length + 8192);
        marked.write(jpeg, 0, 2); // SOI, then the marker and profile, then the rest as the JDK wrote it
        marked.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0,
                (byte) (ycck ? 2 : 0)});
        profile.forEach(marked::writeBytes);
        marked.write(jpeg, 2, jpeg.length - 2);
        return marked.toByteArray();
    }

    /** An image in a format ImageIO writes with its defaults (png, gif). */
    public static byte[] write(RenderedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, bytes)) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return bytes.toByteArray();
    }

    private static byte[] jpeg(IIOImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT); // libjpeg's usual ten scans
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, image, param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, (int) value));
    }
}
