package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.xmp.XmpDirectory;

/**
 * The stored original keeps the pixels byte for byte and what the newsroom needs, and loses GPS, serial numbers,
 * owner names and XMP. metadata-extractor is the independent reader.
 */
class StoredOriginalTest {

    @TempDir
    Path dir;

    @Test
    void aJpegLosesPositionAndSerialsButKeepsCaptionCreditAndByline() throws Exception {
        Path source = TestImages.fixture("gps-serial.jpg");
        EmbeddedMetadata text = new EmbeddedMetadata("Secret location", "Agency", "Ana Ruiz");
        byte[] stored = strip(source, new ImageInfo(ImageFormat.JPEG, 1, 1, 1), text);

        String raw = new String(stored, StandardCharsets.ISO_8859_1);
        assertThat(raw).doesNotContain("SN-4711", "LS-0815", "Private Person", "SampleCam", "Secret street",
                "19.4326");
        Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored));
        assertThat(metadata.getFirstDirectoryOfType(GpsDirectory.class)).isNull();
        assertThat(metadata.getFirstDirectoryOfType(XmpDirectory.class)).isNull();
        IptcDirectory iptc = metadata.getFirstDirectoryOfType(IptcDirectory.class);
        assertThat(iptc.getString(IptcDirectory.TAG_CAPTION)).isEqualTo("Secret location");
        assertThat(iptc.getString(IptcDirectory.TAG_CREDIT)).isEqualTo("Agency");
        assertThat(iptc.getString(IptcDirectory.TAG_BY_LINE)).isEqualTo("Ana Ruiz");
        assertSamePixels(source, stored);
    }

    @Test
    void theOrientationSurvivesAsTheOnlyExifField() throws Exception {
        Path source = TestImages.fixture("orientation-6.jpg");
        byte[] stored = strip(source, new ImageInfo(ImageFormat.JPEG, 1, 1, 6), EmbeddedMetadata.empty());

        ExifIFD0Directory exif = ImageMetadataReader.readMetadata(new ByteArrayInputStream(stored))
                .getFirstDirectoryOfType(ExifIFD0Directory.class);
        assertThat(exif.getInt(ExifIFD0Directory.TAG_ORIENTATION)).isEqualTo(6);
        assertThat(exif.getTagCount()).isEqualTo(1);
        assertSamePixels(source, stored);
    }

    @Test
    void aPngLosesItsTextChunks() throws Exception {
        Path source = TestImages.fixture("xmp.png");
        byte[] stored = strip(source, new ImageInfo(ImageFormat.PNG, 1, 1, 1), EmbeddedMetadata.empty());

        assertThat(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1)).contains("iTXt");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("iTXt", "tEXt", "zTXt", "eXIf",
                "xmpmeta");
        assertSamePixels(source, stored);
    }

    @Test
    void aWebpLosesItsXmpChunk() throws Exception {
        Path source = TestImages.fixture("xmp.webp");
        byte[] stored = strip(source, new ImageInfo(ImageFormat.WEBP, 1, 1, 1), EmbeddedMetadata.empty());

        assertThat(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1)).contains("XMP ");
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("XMP ", "EXIF", "xmpmeta");
        assertSamePixels(source, stored);
    }

    private byte[] strip(Path source, ImageInfo info, EmbeddedMetadata text) throws IOException {
        Path target = dir.resolve("stored");
        StoredOriginal.write(source, info, text, target);
        return Files.readAllBytes(target);
    }

    private static void assertSamePixels(Path source, byte[] stored) throws IOException {
        BufferedImage before = ImageIO.read(source.toFile());
        BufferedImage after = ImageIO.read(new ByteArrayInputStream(stored));
        assertThat(after.getWidth()).isEqualTo(before.getWidth());
        assertThat(after.getHeight()).isEqualTo(before.getHeight());
        for (int y = 0; y < before.getHeight(); y += 7) {
            for (int x = 0; x < before.getWidth(); x += 7) {
                assertThat(after.getRGB(x, y)).isEqualTo(before.getRGB(x, y));
            }
        }
    }
}
