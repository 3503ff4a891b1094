package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MetadataReaderTest {

    private static final String CAPTION = "Zürich – 東京: Delegation arrives for talks";
    private static final String CREDIT = "Agentur Zürich / 東京通信";
    private static final String BYLINES = "Jürgen Müller, 山田 太郎";

    private final MetadataReader reader = new MetadataReader();

    @TempDir
    Path dir;

    @Test
    void readsUnicodeIptcDeclaredUtf8ByRecord1Dataset90() {
        assertThat(reader.read(TestImages.fixture("iptc-utf8.jpg")))
                .isEqualTo(new EmbeddedMetadata(CAPTION, CREDIT, BYLINES));
    }

    @Test
    void readsLegacyLatin1IptcWithoutACharacterSet() {
        assertThat(reader.read(TestImages.fixture("iptc-latin1.jpg")))
                .isEqualTo(new EmbeddedMetadata("Zürich, Genève: Sitzung", "Bildagentur Zürich", null));
    }

    @Test
    void readsXmpDescriptionCreditAndCreators() {
        assertThat(reader.read(TestImages.fixture("xmp-only.jpg")))
                .isEqualTo(new EmbeddedMetadata(CAPTION, CREDIT, BYLINES));
    }

    @Test
    void prefersXmpAndFillsItsGapsFromIptc() {
        assertThat(reader.read(TestImages.fixture("iptc-and-xmp.jpg")))
                .isEqualTo(new EmbeddedMetadata("XMP caption", "IPTC credit", "XMP creator"));
    }

    @Test
    void readsXmpFromPngAndWebp() {
        assertThat(reader.read(TestImages.fixture("xmp.png")))
                .isEqualTo(new EmbeddedMetadata(CAPTION, "PNG credit", "山田 太郎"));
        assertThat(reader.read(TestImages.fixture("xmp.webp")))
                .isEqualTo(new EmbeddedMetadata(CAPTION, "WebP credit", null));
    }

    @Test
    void givesEmptyFieldsForAnImageWithoutCaptions() {
        assertThat(reader.read(TestImages.fixture("progressive.jpg"))).isEqualTo(EmbeddedMetadata.empty());
        assertThat(reader.read(TestImages.fixture("animated.gif"))).isEqualTo(EmbeddedMetadata.empty());
    }

    @Test
    void givesEmptyFieldsInsteadOfFailingOnOddFiles() {
        Path html = TestImages.write(dir, "page.jpg", "<html></html>".getBytes(StandardCharsets.UTF_8));
        byte[] brokenXmp = TestImages.concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE1, 0x00, 0x40},
                "http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><rdf:RDF><unclosed".getBytes(StandardCharsets.US_ASCII));

        assertThat(reader.read(html)).isEqualTo(EmbeddedMetadata.empty());
        assertThat(reader.read(TestImages.write(dir, "broken.jpg", brokenXmp))).isEqualTo(EmbeddedMetadata.empty());
        assertThat(reader.read(TestImages.write(dir, "empty.png", new byte[0]))).isEqualTo(EmbeddedMetadata.empty());
    }

    @Test
    void doesNotInflateACompressedXmpBombInAPng() {
        // 200 MB of spaces deflate to about 200 KB; inflated whole they would cost the heap 200 MB per upload.
        byte[] keyword = "XML:com.adobe.xmp\0\1\0\0\0".getBytes(StandardCharsets.ISO_8859_1);
        byte[] itxt = TestImages.concat(keyword, deflatedSpaces(200 * 1024 * 1024));
        byte[] png = TestImages.concat(TestImages.pngSignature(),
                TestImages.pngChunk("IHDR", new byte[] {0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0}),
                TestImages.pngChunk("iTXt", itxt), TestImages.pngChunk("IEND", new byte[0]));
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
