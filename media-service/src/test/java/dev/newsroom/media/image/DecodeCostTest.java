package dev.newsroom.media.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.junit.jupiter.api.Test;

import dev.newsroom.media.image.ImageRejectedException.Reason;

class DecodeCostTest {

    private final ImageInspector inspector = new ImageInspector();

    @Test
    void chargesAPlainJpegAboutFiveBytesPerPixel() throws Exception {
        // A baseline JPEG of the 320x240 pattern: 3 bytes decoded, 2 for scaling and encoding.
        assertThat(perPixel("gps-serial.jpg")).isBetween(5.0, 6.0);
    }

    @Test
    void chargesWhatMakesADecodeDearer() throws Exception {
        double plain = perPixel("gps-serial.jpg");

        assertThat(perPixel("orientation-6.jpg")).as("a turned copy").isGreaterThan(plain + 2.5);
        assertThat(perPixel("cmyk.jpg")).as("the 4-band raster before conversion").isGreaterThan(plain + 3.5);
        assertThat(perPixel("progressive.jpg")).as("libjpeg's coefficient buffers").isGreaterThan(plain + 2.5);
        assertThat(perPixel("rgba16.png")).as("16 bits per sample and an sRGB copy").isGreaterThan(plain + 8);
    }

    @Test
    void chargesAWebpForTheIntsLibwebpDecodesInto() throws Exception {
        // 4 bytes a pixel decoded, 2 for scaling and encoding; an alpha channel may need an opaque copy for JPEG.
        assertThat(perPixel("lossy.webp")).isBetween(6.0, 7.0);
        assertThat(perPixel("alpha.webp")).isBetween(10.0, 11.0);
    }

    @Test
    void refusesAnImageDearerThanTheWholeBudgetBeforeDecodingIt() throws Exception {
        Path file = TestImages.fixture("rgba16.png");
        RenditionGenerator generator = new RenditionGenerator(1, 0, new DecodeBudget(512 * 1024));

        assertThatThrownBy(() -> generator.generate(file, inspector.inspect(file, ImageLimits.defaults())))
                .isInstanceOfSatisfying(ImageRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_PIXELS))
                .hasMessageContaining("320 x 240")
                .hasMessageContaining("8 bits per channel");
    }

    @Test
    void makesADecodeWaitWhileOthersHoldTheBudget() throws Exception {
        DecodeBudget budget = new DecodeBudget(1024 * 1024);
        DecodeBudget.Reservation held = budget.reserve(800 * 1024);
        assertThat(budget.available()).isEqualTo(224 * 1024);

        CompletableFuture<DecodeBudget.Reservation> waiting = CompletableFuture.supplyAsync(() -> budget.reserve(400 * 1024));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> !waiting.isDone());
        held.close();

        DecodeBudget.Reservation second = waiting.get(5, TimeUnit.SECONDS);
        assertThat(budget.available()).isEqualTo(624 * 1024);
        second.close();
        assertThat(budget.available()).isEqualTo(1024 * 1024);
    }

    @Test
    void letsOneImageDearerThanTheBudgetHaveItAllRatherThanWaitForever() {
        DecodeBudget budget = new DecodeBudget(1024 * 1024);

        try (DecodeBudget.Reservation all = budget.reserve(10L * 1024 * 1024 * 1024)) {
            assertThat(budget.available()).isZero();
        }
        assertThat(budget.available()).isEqualTo(1024 * 1024);
    }

    private double perPixel(String fixture) throws Exception {
        Path file = TestImages.fixture(fixture);
        ImageInfo info = inspector.inspect(file, ImageLimits.defaults());
        ImageReader reader = ImageReaders.forFormat(info.format());
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            reader.setInput(in, true, true);
            long fileBytes = Files.size(file);
            return (double) (DecodeCost.estimate(reader, info, file) - 2 * fileBytes) / ((long) info.width() * info.height());
        } finally {
            reader.dispose();
        }
    }
}
