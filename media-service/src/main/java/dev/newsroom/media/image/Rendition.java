package dev.newsroom.media.image;

/** One re-encoded, metadata-free version of an image as delivered to readers. */
public record Rendition(String name, byte[] bytes, int width, int height, String mimeType) {

    public static final String ORIGINAL = "original";
    public static final String LARGE = "large";
    public static final String THUMB = "thumb";
}
