package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.newsroom.testimages.ImageBytes;

class MetadataReaderTest {

    private static final String CAPTION = "Zürich – 東京: Delegation arrives for talks";
    private static final String CREDIT = "Agentur Zürich / 東京通信";
    private static final String BYLINES = "Jürgen Müller, 山田 太郎";

    private final MetadataReader reader = new MetadataReader();

    @TempDir
    Path dir;

    /** What each fixture's IPTC and XMP say, as the reader must give it. */
    static Stream<Arguments> fixtures() {
        return Stream.of(
                arguments("Unicode IPTC declared UTF-8 by record 1 dataset 90", "iptc-utf8.jpg",
                        new EmbeddedMetadata(CAPTION, CREDIT, BYLINES)),
                arguments("legacy Latin-1 IPTC without a character set", "iptc-latin1.jpg",
                        new EmbeddedMetadata("Zürich, Genève: Sitzung", "Bildagentur Zürich", null)),
                arguments("XMP description, credit and creators", "xmp-only.jpg",
                        new EmbeddedMetadata(CAPTION, CREDIT, BYLINES)),
                arguments("XMP preferred, its gaps filled from IPTC", "iptc-and-xmp.jpg",
                        new EmbeddedMetadata("XMP caption", "IPTC credit", "XMP creator")),
                arguments("XMP in a PNG", "xmp.png", new EmbeddedMetadata(CAPTION, "PNG credit", "山田 太郎")),
                arguments("XMP in a WebP", "xmp.webp", new EmbeddedMetadata(CAPTION, "WebP credit", null)),
                arguments("a JPEG without captions", "progressive.jpg", EmbeddedMetadata.empty()),
                arguments("a GIF without captions", "animated.gif", EmbeddedMetadata.empty()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void readsCaptionCreditAndBylines(String what, String fixture, EmbeddedMetadata expected) {
        assertThat(reader.read(TestImages.fixture(fixture))).isEqualTo(expected);
    }

    @Test
    void givesEmptyFieldsInsteadOfFailingOnOddFiles() {
        Path html = TestImages.write(dir, "page.jpg", "<html></html>".getBytes(StandardCharsets.UTF_8));
        byte[] brokenXmp = ImageBytes.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x00, 0x40},
                "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:RDF><unclosed".getBytes(StandardCharsets.US_ASCII));

        assertThat(reader.read(html)).isEqualTo(EmbeddedMetadata.empty());
        assertThat(reader.read(TestImages.write(dir, "broken.jpg", brokenXmp))).isEqualTo(EmbeddedMetadata.empty());
        assertThat(reader.read(TestImages.write(dir, "empty.png", new byte[0]))).isEqualTo(EmbeddedMetadata.empty());
    }

    @Test
    void doesNotInflateACompressedXmpBombInAPng() {
        // 200 MB of spaces deflate to about 200 KB; inflated whole they would cost the heap 200 MB per upload.
        byte[] keyword = "XML:com.adobe.xmp\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] itxt = ImageBytes.concat(keyword, deflatedSpaces(200 * 1024 * 1024));
        byte[] png = ImageBytes.concat(ImageBytes.pngSignature(),
                ImageBytes.pngChunk("IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0}),
                ImageBytes.pngChunk("iTXt", itxt), ImageBytes.pngChunk("IEND", new byte[0]));
        Path bomb = TestImages.write(dir, "bomb.png", png);
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        assertThat(reader.read(bomb)).isEqualTo(EmbeddedMetadata.empty());

        assertThat(threads.getCurrentThreadAllocatedBytes() - before).isLessThan(32L * 1024 * 1024);
    }

    @Test
    void cleansLineEndsControlCharactersAndBlanks() {
        assertThat(MetadataReader.clean("  Line one\r\nLine two\rLine three\u0000 ")).isEqualTo("Line one\nLine two\nLine three");
        assertThat(MetadataReader.clean(" \t ")).isNull();
        assertThat(MetadataReader.clean(null)).isNull();
    }

    private static byte[] deflatedSpaces(int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] spaces = new byte[1024 * 1024];
        java.util.Arrays.fill(spaces, (byte) ' ');
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, new Deflater(9))) {
            for (int written = 0; written < count; written += spaces.length) {
                deflater.write(spaces);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
