package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LibwebpDecoderTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"lossy.webp, " + BufferedImage.TYPE_INT_RGB, "alpha.webp, " + BufferedImage.TYPE_INT_ARGB})
    void decodesTheSamePixelsAsTwelveMonkeys(String name, int type) throws Exception {
        Path file = TestImages.fixture(name);
        assertThat(LibwebpDecoder.applies(file)).as("libwebp loads on this platform and takes a still WebP").isTrue();

        BufferedImage libwebp = LibwebpDecoder.decode(file);
        BufferedImage java = twelveMonkeys(file);

        assertThat(libwebp.getType()).isEqualTo(type);
        assertThat(libwebp.getWidth()).isEqualTo(java.getWidth());
        assertThat(libwebp.getHeight()).isEqualTo(java.getHeight());
        // The two differ only in how they upsample chroma: within a few levels on average.
        assertThat(meanDifference(libwebp, java)).isLessThan(2.0);
    }

    @Test
    void leavesWebpsWithAProfileOrFramesToTwelveMonkeys() throws Exception {
        assertThat(LibwebpDecoder.applies(TestImages.write(dir, "plain.webp", extended(0x10)))).isTrue(); // alpha only
        assertThat(LibwebpDecoder.applies(TestImages.write(dir, "icc.webp", extended(0x20)))).isFalse();
        assertThat(LibwebpDecoder.applies(TestImages.write(dir, "animated.webp", extended(0x02)))).isFalse();
    }

    @Test
    void rendersAStillWebpFromLibwebpsPixels() throws Exception {
        Path file = TestImages.fixture("lossy.webp");
        ImageInfo info = new ImageInspector().inspect(file, ImageLimits.defaults());

        List<Rendition> renditions = new RenditionGenerator().generate(file, info);

        assertThat(renditions.get(0).bytes())
                .isEqualTo(RenditionEncoder.encode(LibwebpDecoder.decode(file), ImageFormat.JPEG));
    }

    private static BufferedImage twelveMonkeys(Path file) throws Exception {
        ImageReader reader = ImageReaders.forFormat(ImageFormat.WEBP);
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private static double meanDifference(BufferedImage a, BufferedImage b) {
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = a.getRGB(x, y);
                int q = b.getRGB(x, y);
                for (int shift = 0; shift < 32; shift += 8) {
                    sum += Math.abs((p >>> shift & 0xFF) - (q >>> shift & 0xFF));
                }
            }
        }
        return (double) sum / (4L * a.getWidth() * a.getHeight());
    }

    /** The start of a WebP whose first chunk is an extended header (VP8X) with these flags. */
    private static byte[] extended(int flags) {
        ByteBuffer header = ByteBuffer.allocate(30).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(22)
                .put("WEBPVP8X".getBytes(StandardCharsets.US_ASCII)).putInt(10).put((byte) flags);
        return header.array();
    }
}
