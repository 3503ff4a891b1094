package dev.newsroom.bench.busiest;

import static dev.newsroom.bench.Images.baseline;
import static dev.newsroom.bench.Images.progressive;
import static dev.newsroom.bench.Images.write;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.newsroom.bench.Images;

/**
 * The picture desk's mix of sizes and encodings, made once with ImageIO and kept in the work directory: agency
 * photos of 24, 12 and 2 megapixels as baseline, progressive and CMYK JPEGs, a PNG graphic, a GIF and a WebP
 * (the test fixture of media-service; the JDK writes no WebP).
 */
final class Photos {

    private interface Maker {
        byte[] make() throws IOException;
    }

    private Photos() {
    }

    /** The ten uploads of one minute, in the order they are sent, cycling. */
    static List<Photo> mix(Path work, Path webp) throws IOException {
        Files.createDirectories(work);
        List<Photo> mix = new ArrayList<>();
        mix.add(jpeg(work, "24 Mpx JPEG", "photo-24mpx.jpg", () -> baseline(Images.photo(6000, 4000, 1))));
        mix.add(jpeg(work, "12 Mpx progressive JPEG", "photo-12mpx-progressive.jpg",
                () -> progressive(Images.photo(4000, 3000, 2))));
        mix.add(jpeg(work, "2 Mpx JPEG", "photo-2mpx.jpg", () -> baseline(Images.photo(1920, 1080, 3))));
        mix.add(jpeg(work, "12 Mpx CMYK JPEG", "photo-12mpx-cmyk.jpg", () -> cmyk(Images.photo(4000, 3000, 4))));
        mix.add(file(work, "1600x900 PNG graphic", "graphic-1600x900.png", "image/png",
                () -> write(Images.photo(1600, 900, 5), "png")));
        mix.add(jpeg(work, "2 Mpx progressive JPEG", "photo-2mpx-progressive.jpg",
                () -> progressive(Images.photo(1920, 1080, 6))));
        mix.add(jpeg(work, "24 Mpx progressive JPEG", "photo-24mpx-progressive.jpg",
                () -> progressive(Images.photo(6000, 4000, 7))));
        mix.add(file(work, "800x600 GIF", "graphic-800x600.gif", "image/gif",
                () -> write(Images.photo(800, 600, 8), "gif")));
        mix.add(photo("320x240 WebP", webp.getFileName().toString(), "image/webp", Files.readAllBytes(webp)));
        mix.add(jpeg(work, "24 Mpx CMYK JPEG", "photo-24mpx-cmyk.jpg", () -> cmyk(Images.photo(6000, 4000, 10))));
        return mix;
    }

    /** Small photos for the seeded stories' lead images. */
    static List<Photo> leads(Path work) throws IOException {
        return List.of(jpeg(work, "lead 1", "lead-1.jpg", () -> baseline(Images.photo(1600, 1067, 11))),
                jpeg(work, "lead 2", "lead-2.jpg", () -> baseline(Images.photo(1600, 1067, 12))),
                jpeg(work, "lead 3", "lead-3.jpg", () -> progressive(Images.photo(1600, 1067, 13))));
    }

    private static Photo jpeg(Path work, String label, String name, Maker maker) throws IOException {
        return file(work, label, name, "image/jpeg", maker);
    }

    private static Photo file(Path work, String label, String name, String type, Maker maker) throws IOException {
        Path file = work.resolve(name);
        if (!Files.exists(file)) {
            Path partial = work.resolve(name + ".part");
            Files.write(partial, maker.make());
            Files.move(partial, file);
        }
        return photo(label, name, type, Files.readAllBytes(file));
    }

    /** Four channels, as a press agency's print-ready file from Photoshop, without a colour profile. */
    private static byte[] cmyk(BufferedImage image) throws IOException {
        return Images.adobeJpeg(image, false, List.of());
    }

    private static Photo photo(String label, String name, String type, byte[] bytes) {
        String size = bytes.length < 10_240 ? bytes.length + " bytes" : bytes.length / 1024 + " KB";
        return new Photo(label + " (" + size + ")", Api.multipart(name, type, bytes,
                Map.of("caption", "Harbour cranes at dawn, " + label, "credit", "Busiest Hour Pictures",
                        "altText", "Cranes over container stacks in the morning light")));
    }
}
