package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;

/**
 * Fixtures for the image tests: the committed files under {@code src/test/resources/images} (made by
 * {@code make-fixtures.sh} there) and images built on the fly. The committed ones show a 320x240 "quadrants"
 * pattern, so colour and orientation can be checked at the centre of each quarter.
 */
public final class TestImages {

    public static final Color RED = new Color(220, 30, 30);
    public static final Color GREEN = new Color(30, 180, 60);
    public static final Color BLUE = new Color(30, 60, 200);
    public static final Color GREY = new Color(200, 200, 200);

    private TestImages() {
    }

    static Path fixture(String name) {
        URL url = TestImages.class.getResource("/images/" + name);
        assertThat(url).as("fixture %s", name).isNotNull();
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path write(Path dir, String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static BufferedImage decode(byte[] bytes) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
            assertThat(image).as("decodable rendition").isNotNull();
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The quadrants pattern at any size, with noise so that JPEG has photo-like work to do. */
    static BufferedImage quadrants(int width, int height, boolean noise) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_3BYTE_BGR);
        Graphics2D g = image.createGraphics();
        g.setColor(RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.setColor(GREEN);
        g.fillRect(width / 2, 0, width - width / 2, height / 2);
        g.setColor(BLUE);
        g.fillRect(0, height / 2, width / 2, height - height / 2);
        g.setColor(GREY);
        g.fillRect(width / 2, height / 2, width - width / 2, height - height / 2);
        g.dispose();
        if (noise) {
            Random random = new Random(42);
            byte[] data = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
            for (int i = 0; i < data.length; i++) {
                int value = (data[i] & 0xFF) + random.nextInt(17) - 8;
                data[i] = (byte) Math.max(0, Math.min(255, value));
            }
        }
        return image;
    }

    static byte[] jpeg(BufferedImage image) {
        return RenditionEncoder.encode(image, ImageFormat.JPEG);
    }

    /** A progressive JPEG as the JDK's writer makes it by default (libjpeg's usual progression of ten scans). */
    static byte[] progressiveJpeg(BufferedImage image) {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
        return RenditionEncoder.write(writer, param, image);
    }

    static byte[] png(BufferedImage image) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Colour at the centre of a quarter: column and row 0 or 1. */
    public static Color quarter(BufferedImage image, int column, int row) {
        int x = image.getWidth() / 4 + column * image.getWidth() / 2;
        int y = image.getHeight() / 4 + row * image.getHeight() / 2;
        return new Color(image.getRGB(x, y), true);
    }

    public static void assertClose(Color actual, Color expected, int tolerance) {
        assertThat(new int[] {actual.getRed(), actual.getGreen(), actual.getBlue()})
                .as("colour %s near %s", actual, expected)
                .satisfies(rgb -> {
                    assertThat(rgb[0]).isBetween(expected.getRed() - tolerance, expected.getRed() + tolerance);
                    assertThat(rgb[1]).isBetween(expected.getGreen() - tolerance, expected.getGreen() + tolerance);
                    assertThat(rgb[2]).isBetween(expected.getBlue() - tolerance, expected.getBlue() + tolerance);
                });
    }
}
