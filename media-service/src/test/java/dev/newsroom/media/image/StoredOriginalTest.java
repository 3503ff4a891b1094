package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

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

    /** Each format's fixture, a chunk it has, and every chunk that may carry metadata in that format. */
    static Stream<Arguments> metadataChunks() {
        return Stream.of(
                arguments("xmp.png", ImageFormat.PNG, "iTXt", List.of("iTXt", "tEXt", "zTXt", "eXIf", "xmpmeta")),
                arguments("xmp.webp", ImageFormat.WEBP, "XMP ", List.of("XMP ", "EXIF", "xmpmeta")));
    }

    @ParameterizedTest(name = "{0} loses its metadata chunks")
    @MethodSource("metadataChunks")
    void metadataChunksAreDropped(String fixture, ImageFormat format, String marker, List<String> gone)
            throws Exception {
        Path source = TestImages.fixture(fixture);
        byte[] stored = strip(source, new ImageInfo(format, 1, 1, 1), EmbeddedMetadata.empty());

        assertThat(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1)).contains(marker);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(gone.toArray(String[]::new));
        assertSamePixels(source, stored);
    }

    @Test
    void aGifLosesItsCommentAndXmpButKeepsItsFrameTiming() throws Exception {
        Path source = dir.resolve("annotated.gif");
        Files.write(source, annotatedGif());
        byte[] stored = strip(source, new ImageInfo(ImageFormat.GIF, 1, 1, 1), EmbeddedMetadata.empty());

        assertThat(new String(Files.readAllBytes(source), StandardCharsets.ISO_8859_1))
                .contains("Shot at 12 Secret street", "XMP Data", GRAPHIC_CONTROL);
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("Secret street", "XMP Data")
                .contains(GRAPHIC_CONTROL);
        assertSamePixels(source, stored);
    }

    /** The extension introducer and label of a frame's timing and transparency, which a GIF must keep. */
    private static final String GRAPHIC_CONTROL = "\u0021\u00f9";

    /** A GIF as image editors leave it: a comment, an XMP packet, and the frame's graphic control block. */
    private static byte[] annotatedGif() throws IOException {
        BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_BYTE_INDEXED);
        for (int y = 0; y < 30; y++) {
            for (int x = 0; x < 40; x++) {
                image.setRGB(x, y, (x * 6) << 16 | (y * 8) << 8 | 0x40);
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        IIOMetadata metadata = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(image), param);
        String format = metadata.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) metadata.getAsTree(format);
        IIOMetadataNode comments = new IIOMetadataNode("CommentExtensions");
        IIOMetadataNode comment = new IIOMetadataNode("CommentExtension");
        comment.setAttribute("value", "Shot at 12 Secret street");
        comments.appendChild(comment);
        root.appendChild(comments);
        IIOMetadataNode applications = new IIOMetadataNode("ApplicationExtensions");
        applications.appendChild(application("XMP Data", "XMP", "<x:xmpmeta>Secret street</x:xmpmeta>".getBytes()));
        root.appendChild(applications);
        metadata.setFromTree(format, root);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ImageOutputStream out = ImageIO.createImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(new IIOImage(image, null, metadata));
        }
        writer.dispose();
        return bytes.toByteArray();
    }

    private static IIOMetadataNode application(String id, String code, byte[] data) {
        IIOMetadataNode node = new IIOMetadataNode("ApplicationExtension");
        node.setAttribute("applicationID", id);
        node.setAttribute("authenticationCode", code);
        node.setUserObject(data);
        return node;
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
