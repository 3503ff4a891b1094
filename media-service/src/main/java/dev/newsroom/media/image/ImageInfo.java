package dev.newsroom.media.image;

/**
 * What the header of an accepted image says: its format, its size as displayed (after the EXIF orientation is
 * applied, so a landscape-stored photo with orientation 6 is reported as portrait) and that orientation (1-8).
 */
public record ImageInfo(ImageFormat format, int width, int height, int orientation) {

    public ImageInfo {
        if (format == null) {
            throw new IllegalArgumentException("format is required");
        }
        if (width <= 0 || height <= 0) {
            throw new IllegalArgumentException("size must be positive, got " + width + "x" + height);
        }
        if (orientation < 1 || orientation > 8) {
            throw new IllegalArgumentException("EXIF orientation is 1-8, got " + orientation);
        }
    }

    /** Whether the stored pixels are turned a quarter (orientations 5-8), so stored width is displayed height. */
    public boolean rotatesQuarter() {
        return orientation >= 5;
    }
}
