package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.newsroom.media.image.ImageRejectedException.Reason;

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
        byte[] ihdr = ByteBuffer.allocate(13).putInt(60_000).putInt(60_000).put((byte) 8).put((byte) 2)
                .put((byte) 0).put((byte) 0).put((byte) 0).array();
        byte[] bomb = TestImages.concat(TestImages.pngSignature(), TestImages.pngChunk("IHDR", ihdr),
                TestImages.pngChunk("IDAT", deflate(new byte[64 * 1024])), TestImages.pngChunk("IEND", new byte[0]));

        assertRefusedAsBombCheaply(TestImages.write(dir, "bomb.png", bomb), "60000 x 60000");
    }

    @Test
    void refusesAJpegBombFromItsHeaderWithoutAllocatingItsPixels() {
        byte[] jpeg = TestImages.jpeg(TestImages.quadrants(16, 16, false));
        int sof = indexOfMarker(jpeg, 0xC0);
        ByteBuffer.wrap(jpeg, sof + 5, 4).putShort((short) 60_000).putShort((short) 60_000);

        assertRefusedAsBombCheaply(TestImages.write(dir, "bomb.jpg", jpeg), "60000 x 60000");
    }

    @Test
    void refusesAGifBombFromItsHeaderWithoutAllocatingItsPixels() {
        ByteBuffer gif = ByteBuffer.allocate(32).order(ByteOrder.LITTLE_ENDIAN);
        gif.put("GIF89a".getBytes(StandardCharsets.US_ASCII)).putShort((short) 65_535).putShort((short) 65_535)
                .put((byte) 0).put((byte) 0).put((byte) 0)
                .put((byte) 0x2C).putShort((short) 0).putShort((short) 0).putShort((short) 65_535).putShort((short) 65_535)
                .put((byte) 0).put((byte) 2).put((byte) 2).put((byte) 0x4C).put((byte) 0x01).put((byte) 0).put((byte) 0x3B);

        assertRefusedAsBombCheaply(TestImages.write(dir, "bomb.gif", gif.array()), "65535 x 65535");
    }

    @Test
    void refusesAWebpBombFromItsHeaderWithoutAllocatingItsPixels() {
        ByteBuffer webp = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        webp.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(32).put("WEBPVP8L".getBytes(StandardCharsets.US_ASCII))
                .putInt(20).put((byte) 0x2F)
                // VP8L header: 14 bits width - 1, 14 bits height - 1, alpha bit, 3 bits version.
                .putInt(16_383 | 16_383 << 14);

        assertRefusedAsBombCheaply(TestImages.write(dir, "bomb.webp", webp.array()), "16384 x 16384");
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
        assertRejected(TestImages.write(dir, "phone.jpg", TestImages.concat(new byte[] {0, 0, 0, 24},
                "ftypheic".getBytes(StandardCharsets.US_ASCII), new byte[16])), Reason.UNSUPPORTED_TYPE, "HEIF");
        assertRejected(TestImages.write(dir, "empty.jpg", new byte[0]), Reason.UNSUPPORTED_TYPE, "empty");
    }

    @Test
    void refusesAFileThatOnlyStartsLikeAnImage() {
        byte[] fakeJpeg = TestImages.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                "not really a JPEG at all".getBytes(StandardCharsets.US_ASCII));

        assertRejected(TestImages.write(dir, "fake.jpg", fakeJpeg), Reason.CORRUPT, "JPEG");
        assertRejected(TestImages.write(dir, "cut.png", TestImages.pngSignature()), Reason.CORRUPT, "PNG");
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

    private static int indexOfMarker(byte[] jpeg, int marker) {
        for (int i = 2; i < jpeg.length - 1; i++) {
            if ((jpeg[i] & 0xFF) == 0xFF && (jpeg[i + 1] & 0xFF) == marker) {
                return i;
            }
        }
        throw new IllegalArgumentException("no marker " + Integer.toHexString(marker));
    }

    private static byte[] deflate(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            deflater.write(data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
