package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.nio.file.Path;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading into libjpeg's byte order and swapping gives exactly the pixels of a plain read. */
class RgbJpegDecoderTest {

    @TempDir
    Path dir;

    @Test
    void givesTheSamePixelsAsAPlainReadForBaselineAndProgressive() throws Exception {
        BufferedImage photo = TestImages.quadrants(640, 480, true);
        for (Path file : new Path[] {
                TestImages.write(dir, "baseline.jpg", TestImages.jpeg(photo)),
                TestImages.write(dir, "progressive.jpg", TestImages.progressiveJpeg(photo)),
                TestImages.fixture("progressive.jpg")}) {
            BufferedImage plain = read(file, false);
            BufferedImage swapped = read(file, true);

            assertThat(swapped.getType()).as("%s", file).isEqualTo(BufferedImage.TYPE_3BYTE_BGR);
            assertThat(PlainRaster.isPlain(swapped.getRaster())).isTrue();
            assertThat(pixels(swapped)).as("%s", file).isEqualTo(pixels(plain));
        }
    }

    @Test
    void leavesGreyAndCmykJpegsToThePlainRead() throws Exception {
        for (String name : new String[] {"grey.jpg", "cmyk.jpg"}) {
            ImageReader reader = ImageReaders.forFormat(ImageFormat.JPEG);
            try (ImageInputStream in = ImageIO.createImageInputStream(TestImages.fixture(name).toFile())) {
                reader.setInput(in, true, true);
                assertThat(RgbJpegDecoder.applies(reader)).as(name).isFalse();
            } finally {
                reader.dispose();
            }
        }
    }

    private static BufferedImage read(Path file, boolean rgbOrder) throws Exception {
        ImageReader reader = ImageReaders.forFormat(ImageFormat.JPEG);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            assertThat(RgbJpegDecoder.applies(reader)).isTrue();
            return rgbOrder ? RgbJpegDecoder.decode(reader) : reader.read(0, reader.getDefaultReadParam());
        } finally {
            reader.dispose();
        }
    }

    private static byte[] pixels(BufferedImage image) {
        return ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    }
}
