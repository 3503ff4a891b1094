package dev.newsroom.media.image;

/** How large an upload may be, in bytes on disk and in decoded pixels (width times height). */
public record ImageLimits(long maxBytes, long maxPixels) {

    /** 30 MiB. */
    public static final long DEFAULT_MAX_BYTES = 30L * 1024 * 1024;
    /** 60 megapixels: a 60 Mpx sRGB decode takes 180-240 MB of heap, about the most one upload may cost. */
    public static final long DEFAULT_MAX_PIXELS = 60_000_000L;

    public ImageLimits {
        if (maxBytes <= 0 || maxPixels <= 0) {
            throw new IllegalArgumentException("limits must be positive, got " + maxBytes + " bytes, " + maxPixels + " pixels");
        }
    }

    public static ImageLimits defaults() {
        return new ImageLimits(DEFAULT_MAX_BYTES, DEFAULT_MAX_PIXELS);
    }
}
