package dev.newsroom.media.image;

import static dev.newsroom.media.image.TestImages.assertClose;
import static dev.newsroom.media.image.TestImages.quarter;
import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.drew.imaging.jpeg.JpegSegmentData;
import com.drew.imaging.jpeg.JpegSegmentReader;
import com.drew.imaging.jpeg.JpegSegmentType;

import dev.newsroom.testimages.ImageBytes;

/**
 * CMYK JPEGs with an ICC v4 profile that TwelveMonkeys drops on JDK 17 come out as that profile says. The expected
 * colours are LittleCMS's (ImageMagick 6.9 with Ghostscript's ps_cmyk.icc, the profile in cmyk-icc.jpg, to sRGB).
 */
class CmykJpegDecoderTest {

    private final ImageInspector inspector = new ImageInspector();
    private final RenditionGenerator generator = new RenditionGenerator(1, 0, DecodeBudget.fromHeap());

    @TempDir
    Path dir;

    @Test
    void convertsYcckThroughItsEmbeddedProfile() throws Exception {
        // Without the profile a naive conversion gives a grey of 148 and a red of (133, 23, 8).
        BufferedImage original = original(TestImages.fixture("cmyk-icc.jpg"));

        assertClose(quarter(original, 0, 0), new Color(217, 85, 47), 6);
        assertClose(quarter(original, 1, 0), new Color(65, 180, 70), 6);
        assertClose(quarter(original, 0, 1), new Color(94, 79, 200), 6);
        assertClose(quarter(original, 1, 1), new Color(200, 200, 200), 6);
    }

    @Test
    void convertsAdobeCmykWithoutYccTransformThroughItsEmbeddedProfile() throws Exception {
        // The pattern as naive ink amounts, e.g. red (220, 30, 30) as C 0, M 190, Y 190, K 35, stored inverted.
        byte[] cmyk = RenditionGeneratorTest.adobeCmykJpeg();
        byte[] withProfile = ImageBytes.concat(Arrays.copyOfRange(cmyk, 0, 2), iccSegments(TestImages.fixture("cmyk-icc.jpg")),
                Arrays.copyOfRange(cmyk, 2, cmyk.length));

        BufferedImage original = original(TestImages.write(dir, "cmyk-profile.jpg", withProfile));

        assertClose(quarter(original, 0, 0), new Color(255, 96, 96), 8);
        assertClose(quarter(original, 1, 0), new Color(0, 218, 127), 8);
        assertClose(quarter(original, 0, 1), new Color(75, 133, 232), 8);
        assertClose(quarter(original, 1, 1), new Color(229, 229, 229), 8);
    }

    @Test
    void leavesJpegsWithoutACmykProfileToTwelveMonkeys() {
        assertThat(CmykJpegDecoder.forFile(TestImages.fixture("cmyk.jpg"))).as("CMYK without a profile").isEmpty();
        assertThat(CmykJpegDecoder.forFile(TestImages.fixture("adobe-rgb.jpg"))).as("RGB with a profile").isEmpty();
        assertThat(CmykJpegDecoder.forFile(TestImages.fixture("progressive.jpg"))).isEmpty();
        assertThat(CmykJpegDecoder.forFile(TestImages.fixture("cmyk-icc.jpg"))).isPresent();
    }

    private BufferedImage original(Path file) throws ImageRejectedException {
        return TestImages.decode(generator.generate(file, inspector.inspect(file, ImageLimits.defaults())).get(0).bytes());
    }

    /** The APP2 ICC_PROFILE segments of a JPEG, with their markers and lengths, ready to splice into another. */
    private static byte[] iccSegments(Path jpeg) throws Exception {
        JpegSegmentData segments = JpegSegmentReader.readSegments(jpeg.toFile(), List.of(JpegSegmentType.APP2));
        byte[] all = new byte[0];
        for (byte[] segment : segments.getSegments(JpegSegmentType.APP2)) {
            int length = segment.length + 2;
            all = ImageBytes.concat(all, new byte[] {(byte) 0xFF, (byte) 0xE2, (byte) (length >> 8), (byte) length}, segment);
        }
        assertThat(all).as("the fixture's ICC profile").isNotEmpty();
        return all;
    }
}
