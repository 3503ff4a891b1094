package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.newsroom.media.image.ImageRejectedException.Reason;
import dev.newsroom.testimages.ImageBombs;
import dev.newsroom.testimages.ImageBytes;

class ImageInspectorTest {

    /** Far below the 3.6 GB (and more) that decoding any of the bombs below would take. */
    private static final long HEADER_ONLY_ALLOCATION = 16L * 1024 * 1024;

    private final ImageInspector inspector = new ImageInspector();

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
            "progressive.jpg, JPEG", "cmyk.jpg, JPEG", "cmyk-icc.jpg, JPEG", "adobe-rgb.jpg, JPEG", "grey.jpg, JPEG",
            "rgb16.png, PNG", "rgba16.png, PNG", "palette.png, PNG", "palette-alpha.png, PNG",
            "animated.gif, GIF", "transparent.gif, GIF", "lossy.webp, WEBP", "alpha.webp, WEBP", "xmp.webp, WEBP"})
    void acceptsRealWorldVariantsOfEachFormat(String name, ImageFormat format) throws Exception {
        ImageInfo info = inspector.inspect(TestImages.fixture(name), ImageLimits.defaults());

        assertThat(info).isEqualTo(new ImageInfo(format, 320, 240, 1));
    }

    @Test
    void reportsTheDisplayedSizeOfAPhotoStoredOnItsSide() throws Exception {
        ImageInfo info = inspector.inspect(TestImages.fixture("orientation-6.jpg"), ImageLimits.defaults());

        assertThat(info).isEqualTo(new ImageInfo(ImageFormat.JPEG, 240, 320, 6));
        assertThat(info.rotatesQuarter()).as("info.rotatesQuarter()").isTrue();
    }

    @Test
    void refusesAFileOverTheByteLimit() {
        Path file = TestImages.fixture("cmyk-icc.jpg");

        assertThatThrownBy(() -> inspector.inspect(file, new ImageLimits(1024, 1_000_000)))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_BYTES))
                .hasMessageContaining("The file has 7 KB; at most 1 KB are accepted");
    }

    @Test
    void refusesAnImageOverThePixelLimit() {
        Path file = TestImages.fixture("progressive.jpg");

        assertThatThrownBy(() -> inspector.inspect(file, new ImageLimits(1_000_000, 320 * 240 - 1)))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS))
                .hasMessageContaining("320 x 240");
    }

    @Test
    void refusesAPngBombFromItsHeaderWithoutAllocatingItsPixels() {
        assertRefusedAsBombCheaply(TestImages.write(dir, "bomb.png", ImageBombs.png()), "60000 x 60000");
    }

    @Test
    void refusesAJpegBombFromItsHeaderWithoutAllocatingItsPixels() {
        byte[] bomb = ImageBombs.jpeg(TestImages.jpeg(TestImages.quadrants(16, 16, false)));

        assertRefusedAsBombCheaply(TestImages.write(dir, "bomb.jpg", bomb), "60000 x 60000");
    }

    @Test
    void refusesAGifBombFromItsHeaderWithoutAllocatingItsPixels() {
        assertRefusedAsBombCheaply(TestImages.write(dir, "bomb.gif", ImageBombs.gif()), "65535 x 65535");
    }

    @Test
    void refusesAWebpBombFromItsHeaderWithoutAllocatingItsPixels() {
        assertRefusedAsBombCheaply(TestImages.write(dir, "bomb.webp", ImageBombs.webp()), "16384 x 16384");
    }

    @Test
    void refusesHtmlNamedLikeAJpeg() {
        Path file = TestImages.write(dir, "photo.jpg",
                "<!DOCTYPE html><html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8));

        assertRejected(file, Reason.UNSUPPORTED_TYPE, "HTML");
    }

    @Test
    void refusesSvgNamedLikeAPng() {
        Path file = TestImages.write(dir, "logo.png", ("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\">"
                + "<script>alert(1)</script></svg>").getBytes(StandardCharsets.UTF_8));

        assertRejected(file, Reason.UNSUPPORTED_TYPE, "SVG");
    }

    @Test
    void refusesOtherImageTypesAndEmptyFiles() {
        assertRejected(TestImages.write(dir, "scan.jpg", "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII)),
                Reason.UNSUPPORTED_TYPE, "PDF");
        assertRejected(TestImages.write(dir, "phone.jpg", ImageBytes.concat(new byte[] {0, 0, 0, 24},
                "ftypheic".getBytes(StandardCharsets.US_ASCII), new byte[16])), Reason.UNSUPPORTED_TYPE, "HEIF");
        assertRejected(TestImages.write(dir, "empty.jpg", new byte[0]), Reason.UNSUPPORTED_TYPE, "empty");
    }

    @Test
    void refusesAFileThatOnlyStartsLikeAnImage() {
        byte[] fakeJpeg = ImageBytes.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "not really a JPEG at all".getBytes(StandardCharsets.US_ASCII));

        assertRejected(TestImages.write(dir, "fake.jpg", fakeJpeg), Reason.CORRUPT, "JPEG");
        assertRejected(TestImages.write(dir, "cut.png", ImageBytes.pngSignature()), Reason.CORRUPT, "PNG");
    }

    private void assertRefusedAsBombCheaply(Path bomb, String declaredSize) {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertRejected(bomb, Reason.TOO_MANY_PIXELS, declaredSize);

        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(HEADER_ONLY_ALLOCATION);
    }

    private void assertRejected(Path file, Reason reason, String messagePart) {
        assertThatThrownBy(() -> inspector.inspect(file, ImageLimits.defaults()))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(reason))
                .hasMessageContaining(messagePart);
    }
}
