package dev.newsroom.media.image;

import java.awt.AlphaComposite;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;

/** Turns stored pixels upright by the EXIF orientation tag (EXIF 2.32, tag 0x0112), since renditions carry no EXIF. */
final class ExifOrientation {

    private ExifOrientation() {
    }

    /** The image as it is meant to be seen; the image itself for orientation 1. */
    static BufferedImage upright(BufferedImage stored, int orientation) {
        if (orientation == 1) {
            return stored;
        }
        int w = stored.getWidth();
        int h = stored.getHeight();
        // Each maps stored (x, y) to displayed (x', y'): x' = m00 x + m01 y + m02, y' = m10 x + m11 y + m12.
        AffineTransform transform = switch (orientation) {
            case 2 -> new AffineTransform(-1, 0, 0, 1, w, 0);  // mirrored
            case 3 -> new AffineTransform(-1, 0, 0, -1, w, h); // turned 180
            case 4 -> new AffineTransform(1, 0, 0, -1, 0, h);  // mirrored vertically
            case 5 -> new AffineTransform(0, 1, 1, 0, 0, 0);   // transposed
            case 6 -> new AffineTransform(0, 1, -1, 0, h, 0);  // needs 90 clockwise
            case 7 -> new AffineTransform(0, -1, -1, 0, h, w); // transversed
            case 8 -> new AffineTransform(0, -1, 1, 0, 0, w);  // needs 90 counter-clockwise
            default -> throw new IllegalArgumentException("EXIF orientation is 1-8, got " + orientation);
        };
        boolean quarter = orientation >= 5;
        BufferedImage upright = new BufferedImage(quarter ? h : w, quarter ? w : h, stored.getType());
        Graphics2D g = upright.createGraphics();
        try {
            g.setComposite(AlphaComposite.Src);
            // Quarter turns and mirrors move whole pixels: nearest neighbour copies them exactly.
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
            g.drawImage(stored, transform, null);
        } finally {
            g.dispose();
        }
        return upright;
    }
}
