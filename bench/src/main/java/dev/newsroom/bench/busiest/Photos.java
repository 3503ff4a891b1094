package dev.newsroom.bench.busiest;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * The picture desk's mix of sizes and encodings, made once with ImageIO and kept in the work directory: agency
 * photos of 24, 12 and 2 megapixels as baseline, progressive and CMYK JPEGs, a PNG graphic, a GIF and a WebP
 * (the test fixture of media-service; the JDK writes no WebP).
 */
final class Photos {

    private interface Maker {
        byte[] make() throws IOException;
    }

    private Photos() {
    }

    /** The ten uploads of one minute, in the order they are sent, cycling. */
    static List<Photo> mix(Path work, Path webp) throws IOException {
        Files.createDirectories(work);
        List<Photo> mix = new ArrayList<>();
        mix.add(jpeg(work, "24 Mpx JPEG", "photo-24mpx.jpg", () -> baseline(photo(6000, 4000, 1))));
        mix.add(jpeg(work, "12 Mpx progressive JPEG", "photo-12mpx-progressive.jpg",
                () -> progressive(photo(4000, 3000, 2))));
        mix.add(jpeg(work, "2 Mpx JPEG", "photo-2mpx.jpg", () -> baseline(photo(1920, 1080, 3))));
        mix.add(jpeg(work, "12 Mpx CMYK JPEG", "photo-12mpx-cmyk.jpg", () -> cmyk(photo(4000, 3000, 4))));
        mix.add(file(work, "1600x900 PNG graphic", "graphic-1600x900.png", "image/png",
                () -> write(photo(1600, 900, 5), "png")));
        mix.add(jpeg(work, "2 Mpx progressive JPEG", "photo-2mpx-progressive.jpg",
                () -> progressive(photo(1920, 1080, 6))));
        mix.add(jpeg(work, "24 Mpx progressive JPEG", "photo-24mpx-progressive.jpg",
                () -> progressive(photo(6000, 4000, 7))));
        mix.add(file(work, "800x600 GIF", "graphic-800x600.gif", "image/gif", () -> write(photo(800, 600, 8), "gif")));
        mix.add(photo("320x240 WebP", webp.getFileName().toString(), "image/webp", Files.readAllBytes(webp)));
        mix.add(jpeg(work, "24 Mpx CMYK JPEG", "photo-24mpx-cmyk.jpg", () -> cmyk(photo(6000, 4000, 10))));
        return mix;
    }

    /** Small photos for the seeded stories' lead images. */
    static List<Photo> leads(Path work) throws IOException {
        return List.of(jpeg(work, "lead 1", "lead-1.jpg", () -> baseline(photo(1600, 1067, 11))),
                jpeg(work, "lead 2", "lead-2.jpg", () -> baseline(photo(1600, 1067, 12))),
                jpeg(work, "lead 3", "lead-3.jpg", () -> progressive(photo(1600, 1067, 13))));
    }

    private static Photo jpeg(Path work, String label, String name, Maker maker) throws IOException {
        return file(work, label, name, "image/jpeg", maker);
    }

    private static Photo file(Path work, String label, String name, String type, Maker maker) throws IOException {
        Path file = work.resolve(name);
        if (!Files.exists(file)) {
            Path partial = work.resolve(name + ".part");
            Files.write(partial, maker.make());
            Files.move(partial, file);
        }
        return photo(label, name, type, Files.readAllBytes(file));
    }

    private static Photo photo(String label, String name, String type, byte[] bytes) {
        String size = bytes.length < 10_240 ? bytes.length + " bytes" : bytes.length / 1024 + " KB";
        return new Photo(label + " (" + size + ")", Api.multipart(name, type, bytes,
                Map.of("caption", "Harbour cranes at dawn, " + label, "credit", "Busiest Hour Pictures",
                        "altText", "Cranes over container stacks in the morning light")));
    }

    /** Smooth light, colour waves and sensor-like noise: about as much work for a codec as a real photo. */
    private static BufferedImage photo(int width, int height, long seed) {
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
                data[i++] = clamp(255 * (light * (0.6 + 0.4 * Math.sin(9 * v))) + noise);
                data[i++] = clamp(255 * (light * (0.7 + 0.3 * Math.cos(7 * u))) + noise);
                data[i++] = clamp(255 * light + 40 * Math.sin(40 * u * v) + noise);
            }
        }
        return image;
    }

    private static byte[] baseline(BufferedImage image) throws IOException {
        return jpeg(new IIOImage(image, null, null), false);
    }

    private static byte[] progressive(BufferedImage image) throws IOException {
        return jpeg(new IIOImage(image, null, null), true);
    }

    /**
     * Four channels, as a press agency's print-ready file from Photoshop: C, M, Y and K from the RGB pixels, stored
     * inverted under an Adobe APP14 marker (transform 0), which is how decoders recognise CMYK.
     */
    private static byte[] cmyk(BufferedImage image) throws IOException {
        int width = image.getWidth();
        int height = image.getHeight();
        byte[] bgr = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
        WritableRaster raster = Raster.createInterleavedRaster(DataBufferByte.TYPE_BYTE, width, height, 4, null);
        byte[] cmyk = ((DataBufferByte) raster.getDataBuffer()).getData();
        for (int p = 0, q = 0; p < bgr.length; p += 3, q += 4) {
            int blue = bgr[p] & 0xFF;
            int green = bgr[p + 1] & 0xFF;
            int red = bgr[p + 2] & 0xFF;
            int black = 255 - Math.max(red, Math.max(green, blue));
            cmyk[q] = (byte) (red + black);
            cmyk[q + 1] = (byte) (green + black);
            cmyk[q + 2] = (byte) (blue + black);
            cmyk[q + 3] = (byte) (255 - black);
        }
        byte[] plain = jpeg(new IIOImage(raster, null, null), false);
        byte[] adobe = {(byte) 0xFF, (byte) 0xEE, 0, 14, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, 0};
        ByteArrayOutputStream marked = new ByteArrayOutputStream(plain.length + adobe.length);
        marked.write(plain, 0, 2); // SOI, then the marker, then the rest as the JDK wrote it
        marked.write(adobe, 0, adobe.length);
        marked.write(plain, 2, plain.length - 2);
        return marked.toByteArray();
    }

    private static byte[] jpeg(IIOImage image, boolean progressive) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.9f);
        if (progressive) {
            param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
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

    private static byte[] write(BufferedImage image, String format) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        if (!ImageIO.write(image, format, bytes)) {
            throw new IllegalStateException("no ImageIO writer for " + format);
        }
        return bytes.toByteArray();
    }

    private static byte clamp(double value) {
        return (byte) Math.max(0, Math.min(255, (int) value));
    }
}
