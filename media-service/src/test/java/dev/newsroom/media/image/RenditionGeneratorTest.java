package dev.newsroom.media.image;

import static dev.newsroom.media.image.TestImages.BLUE;
import static dev.newsroom.media.image.TestImages.GREEN;
import static dev.newsroom.media.image.TestImages.GREY;
import static dev.newsroom.media.image.TestImages.RED;
import static dev.newsroom.media.image.TestImages.assertClose;
import static dev.newsroom.media.image.TestImages.quarter;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.drew.imaging.ImageMetadataReader;
import com.drew.metadata.Directory;
import com.drew.metadata.Metadata;
import com.drew.metadata.exif.ExifIFD0Directory;
import com.drew.metadata.exif.ExifSubIFDDirectory;
import com.drew.metadata.exif.GpsDirectory;
import com.drew.metadata.iptc.IptcDirectory;
import com.drew.metadata.photoshop.PhotoshopDirectory;
import com.drew.metadata.xmp.XmpDirectory;

import dev.newsroom.media.image.ImageRejectedException.Reason;
import dev.newsroom.testimages.ImageBytes;

class RenditionGeneratorTest {

    private final ImageInspector inspector = new ImageInspector();
    private final RenditionGenerator generator = new RenditionGenerator();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void scalesALargePhotoToEachWidthKeepingItsAspect(boolean progressive) throws Exception {
        BufferedImage pattern = TestImages.quadrants(2400, 1600, true);
        Path photo = TestImages.write(dir, "photo.jpg",
                progressive ? TestImages.progressiveJpeg(pattern) : TestImages.jpeg(pattern));

        List<Rendition> renditions = generate(photo);

        assertThat(renditions).extracting(Rendition::name, Rendition::width, Rendition::height, Rendition::mimeType)
                .containsExactly(
                        tuple("original", 2400, 1600, "image/jpeg"),
                        tuple("large", 1200, 800, "image/jpeg"),
                        tuple("thumb", 400, 267, "image/jpeg"));
        for (Rendition rendition : renditions) {
            BufferedImage image = TestImages.decode(rendition.bytes());
            assertThat(image.getWidth()).isEqualTo(rendition.width());
            assertThat(image.getHeight()).isEqualTo(rendition.height());
            assertQuadrants(image, 12);
        }
    }

    @Test
    void neverUpscalesASmallImage() throws Exception {
        List<Rendition> renditions = generate(TestImages.fixture("progressive.jpg"));

        assertThat(renditions).extracting(Rendition::name, Rendition::width, Rendition::height)
                .containsExactly(tuple("original", 320, 240), tuple("large", 320, 240), tuple("thumb", 320, 240));
    }

    @Test
    void makesOnlyTheThumbSmallerForAMediumImage() throws Exception {
        Path photo = TestImages.write(dir, "medium.jpg", TestImages.jpeg(TestImages.quadrants(1000, 500, false)));

        assertThat(generate(photo)).extracting(Rendition::width, Rendition::height)
                .containsExactly(tuple(1000, 500), tuple(1000, 500), tuple(400, 200));
    }

    @ParameterizedTest
    @ValueSource(strings = {"progressive.jpg", "lossy.webp", "palette.png", "rgb16.png", "opaque-rgba.png"})
    void keepsTheColoursOfOpaqueSourcesAndWritesJpeg(String name) throws Exception {
        for (Rendition rendition : generate(TestImages.fixture(name))) {
            assertThat(rendition.mimeType()).isEqualTo("image/jpeg");
            assertQuadrants(TestImages.decode(rendition.bytes()), 16);
        }
    }

    @Test
    void readsCmykJpegsThatTheJdkCannot() throws Exception {
        // JDK 17 decodes a bare CMYK JPEG into a CMYK raster, but fails on one with its ICC profile embedded.
        Path cmykWithProfile = TestImages.fixture("cmyk-icc.jpg");
        assertThatThrownBy(() -> readWithJdk(cmykWithProfile)).isInstanceOfAny(IOException.class, RuntimeException.class);

        for (String name : List.of("cmyk.jpg", "cmyk-icc.jpg")) {
            BufferedImage original = TestImages.decode(generate(TestImages.fixture(name)).get(0).bytes());
            assertDominantColours(original);
        }
    }

    @Test
    void readsAdobeInvertedCmykWithoutYcckTransform() throws Exception {
        Path cmyk = TestImages.write(dir, "adobe-cmyk.jpg", adobeCmykJpeg());

        BufferedImage original = TestImages.decode(generate(cmyk).get(0).bytes());

        assertDominantColours(original);
    }

    @Test
    void convertsAnEmbeddedAdobeRgbProfileToSrgb() throws Exception {
        // The fixture holds the pattern converted to Adobe RGB numbers (green is stored as 105,178,71): only a
        // colour-managed read gets the sRGB pattern back.
        BufferedImage original = TestImages.decode(generate(TestImages.fixture("adobe-rgb.jpg")).get(0).bytes());

        assertQuadrants(original, 14);
    }

    @Test
    void keepsGreyJpegsGrey() throws Exception {
        BufferedImage thumb = TestImages.decode(generate(TestImages.fixture("grey.jpg")).get(2).bytes());

        Color red = quarter(thumb, 0, 0);
        assertThat(red.getRed()).isEqualTo(red.getGreen()).isEqualTo(red.getBlue());
    }

    @Test
    void keepsGreyPngsAtTheirGammaEncodedLevel() throws Exception {
        BufferedImage grey16 = TestImages.decode(generate(TestImages.fixture("grey16.png")).get(0).bytes());
        List<Rendition> greyAlpha = generate(TestImages.fixture("grey-alpha.png"));

        // 50.2 % grey is 128; taking a grey sample for linear light, as Java2D does for grey with alpha, gives 188.
        assertThat(quarter(grey16, 0, 0).getRed()).isBetween(125, 131);
        assertThat(greyAlpha.get(0).mimeType()).isEqualTo("image/png");
        BufferedImage original = TestImages.decode(greyAlpha.get(0).bytes());
        assertThat(new Color(original.getRGB(10, 10), true)).isEqualTo(new Color(128, 128, 128, 255));
        assertThat(new Color(original.getRGB(100, 10), true).getAlpha()).isBetween(126, 129);
    }

    @Test
    void turnsAPhotoStoredOnItsSideUpright() throws Exception {
        Path sideways = TestImages.fixture("orientation-6.jpg");

        List<Rendition> renditions = generate(sideways);

        assertThat(renditions).extracting(Rendition::width, Rendition::height)
                .containsOnly(tuple(240, 320));
        BufferedImage upright = TestImages.decode(renditions.get(0).bytes());
        // Stored top-left red, top-right green: turned 90 degrees clockwise, red is top right and green bottom right.
        assertClose(quarter(upright, 1, 0), RED, 16);
        assertClose(quarter(upright, 1, 1), GREEN, 16);
        assertClose(quarter(upright, 0, 0), BLUE, 16);
        assertClose(quarter(upright, 0, 1), GREY, 16);
    }

    @Test
    void keepsTransparencyAsPng() throws Exception {
        for (String name : List.of("palette-alpha.png", "rgba16.png", "alpha.webp", "transparent.gif")) {
            List<Rendition> renditions = generate(TestImages.fixture(name));

            assertThat(renditions).as(name).extracting(Rendition::mimeType).containsOnly("image/png");
            BufferedImage original = TestImages.decode(renditions.get(0).bytes());
            assertThat(original.getColorModel().hasAlpha()).as(name).isTrue();
            assertThat(quarter(original, 0, 0).getAlpha()).as(name).isEqualTo(255);
            assertThat(quarter(original, 1, 1).getAlpha()).as(name).isLessThan(255);
            assertClose(quarter(original, 0, 0), RED, 16);
        }
    }

    @Test
    void takesTheFirstFrameOfAnAnimatedGif() throws Exception {
        List<Rendition> renditions = generate(TestImages.fixture("animated.gif"));

        assertThat(renditions).extracting(Rendition::mimeType).containsOnly("image/jpeg");
        assertClose(quarter(TestImages.decode(renditions.get(2).bytes()), 1, 1), RED, 12);
    }

    @Test
    void stripsGpsSerialNumbersXmpAndIptcFromEveryRendition() throws Exception {
        Path source = TestImages.fixture("gps-serial.jpg");
        Metadata sourceMetadata = ImageMetadataReader.readMetadata(source.toFile());
        assertThat(sourceMetadata.getFirstDirectoryOfType(GpsDirectory.class)).as("fixture has GPS").isNotNull();
        assertThat(Files.readString(source, StandardCharsets.ISO_8859_1)).contains("SN-4711-SECRET");

        for (Rendition rendition : generate(source)) {
            Metadata metadata = ImageMetadataReader.readMetadata(new ByteArrayInputStream(rendition.bytes()));
            for (Class<? extends Directory> leaking : List.of(GpsDirectory.class, ExifIFD0Directory.class,
                    ExifSubIFDDirectory.class, XmpDirectory.class, IptcDirectory.class, PhotoshopDirectory.class)) {
                assertThat(metadata.getDirectoriesOfType(leaking)).as("%s in %s", leaking.getSimpleName(), rendition.name())
                        .isEmpty();
            }
            String bytes = new String(rendition.bytes(), StandardCharsets.ISO_8859_1);
            assertThat(bytes).doesNotContain("SN-4711", "LS-0815", "SampleCam", "Private Person", "Secret");
        }
    }

    @Test
    void refusesPixelDataThatCannotBeDecoded() throws Exception {
        byte[] ihdr = {0, 0, 0, 64, 0, 0, 0, 64, 8, 2, 0, 0, 0};
        byte[] garbage = "this is not a zlib stream at all".getBytes(StandardCharsets.US_ASCII);
        Path broken = TestImages.write(dir, "broken.png", ImageBytes.concat(ImageBytes.pngSignature(),
                ImageBytes.pngChunk("IHDR", ihdr), ImageBytes.pngChunk("IDAT", garbage), ImageBytes.pngChunk("IEND", new byte[0])));
        ImageInfo info = inspector.inspect(broken, ImageLimits.defaults());

        assertThatThrownBy(() -> generator.generate(broken, info))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT))
                .hasMessageContaining("PNG");
    }

    @Test
    void refusesAFileThatNoLongerMatchesItsInspection() {
        Path file = TestImages.fixture("progressive.jpg");
        ImageInfo claimed = new ImageInfo(ImageFormat.JPEG, 32, 24, 1);

        assertThatThrownBy(() -> generator.generate(file, claimed))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
        assertThatThrownBy(() -> generator.generate(file, new ImageInfo(ImageFormat.PNG, 320, 240, 1)))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CORRUPT));
    }

    @Test
    void refusesAnUploadAsBusyWhenAsManyWaitAsAllowed() throws Exception {
        DecodeBudget budget = new DecodeBudget(64L * 1024 * 1024);
        RenditionGenerator oneAtATime = new RenditionGenerator(1, 0, budget);
        Path file = TestImages.fixture("progressive.jpg");
        ImageInfo info = inspector.inspect(file, ImageLimits.defaults());
        DecodeBudget.Reservation everything = budget.reserve(budget.bytes());
        CompletableFuture<List<Rendition>> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return oneAtATime.generate(file, info);
            } catch (ImageRejectedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> oneAtATime.admitted() == 1);

        // The first upload now waits for memory; one more may not even queue.
        assertThatThrownBy(() -> oneAtATime.generate(file, info))
                .isInstanceOfSatisfying(ImageRejectedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.BUSY));
        assertThat(waiting).isNotDone();

        everything.close();
        assertThat(waiting.get(10, TimeUnit.SECONDS)).hasSize(3);
        assertThat(oneAtATime.generate(file, info)).as("admitted again once the queue is empty").hasSize(3);
    }

    private List<Rendition> generate(Path file) throws ImageRejectedException {
        return generator.generate(file, inspector.inspect(file, ImageLimits.defaults()));
    }

    private static void assertQuadrants(BufferedImage image, int tolerance) {
        assertClose(quarter(image, 0, 0), RED, tolerance);
        assertClose(quarter(image, 1, 0), GREEN, tolerance);
        assertClose(quarter(image, 0, 1), BLUE, tolerance);
        assertClose(quarter(image, 1, 1), GREY, tolerance);
    }

    /**
     * CMYK has no single right sRGB answer without the printer's profile, but a wrong reading (inverted channels,
     * CMYK numbers taken as RGB, YCCK not transformed) turns red cyan or the grey dark, which this catches.
     */
    private static void assertDominantColours(BufferedImage image) {
        Color red = quarter(image, 0, 0);
        Color green = quarter(image, 1, 0);
        Color blue = quarter(image, 0, 1);
        Color grey = quarter(image, 1, 1);
        assertThat(red.getRed()).as("red %s", red).isGreaterThan(Math.max(red.getGreen(), red.getBlue()) + 80);
        assertThat(green.getGreen()).as("green %s", green).isGreaterThan(Math.max(green.getRed(), green.getBlue()) + 40);
        assertThat(blue.getBlue()).as("blue %s", blue).isGreaterThan(Math.max(blue.getRed(), blue.getGreen()) + 40);
        assertThat(grey.getRed()).as("grey %s", grey).isGreaterThan(120);
        assertThat(Math.abs(grey.getRed() - grey.getBlue())).as("grey %s", grey).isLessThan(30);
    }

    private static BufferedImage readWithJdk(Path file) throws IOException {
        ImageReader reader = jdkReader();
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in);
            return reader.read(0);
        } finally {
            reader.dispose();
        }
    }

    private static ImageReader jdkReader() {
        for (Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName("jpeg"); readers.hasNext(); ) {
            ImageReader reader = readers.next();
            if (reader.getClass().getName().startsWith("com.sun.")) {
                return reader;
            }
        }
        throw new IllegalStateException("the JDK's JPEG reader is missing");
    }

    /**
     * A CMYK JPEG as Photoshop writes it without YCCK: Adobe APP14 with transform 0 and inverted samples. The JDK
     * writer takes a 4-band raster as is; the APP14 segment is spliced in after SOI.
     */
    static byte[] adobeCmykJpeg() throws IOException {
        WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 320, 240, 4, null);
        BufferedImage rgb = TestImages.quadrants(320, 240, false);
        int[] cmyk = new int[4];
        for (int y = 0; y < 240; y++) {
            for (int x = 0; x < 320; x++) {
                Color c = new Color(rgb.getRGB(x, y));
                int k = 255 - Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
                cmyk[0] = 255 - (255 - c.getRed() - k);
                cmyk[1] = 255 - (255 - c.getGreen() - k);
                cmyk[2] = 255 - (255 - c.getBlue() - k);
                cmyk[3] = 255 - k;
                raster.setPixel(x, y, cmyk);
            }
        }
        ImageWriter writer = null;
        for (Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("jpeg"); writers.hasNext(); ) {
            ImageWriter candidate = writers.next();
            if (candidate.getClass().getName().startsWith("com.sun.")) {
                writer = candidate;
            }
        }
        assertThat(writer).as("the JDK's JPEG writer").isNotNull();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            writer.write(null, new IIOImage(raster, null, null), null);
        } finally {
            writer.dispose();
        }
        byte[] jpeg = bytes.toByteArray();
        byte[] app14 = ImageBytes.concat(new byte[] {(byte) 0xFF, (byte) 0xEE, 0, 14},
                "Adobe".getBytes(StandardCharsets.US_ASCII), new byte[] {0, 100, 0, 0, 0, 0, 0});
        return ImageBytes.concat(new byte[] {jpeg[0], jpeg[1]}, app14, java.util.Arrays.copyOfRange(jpeg, 2, jpeg.length));
    }
}
