package dev.newsroom.feed.render;

import java.net.URI;
import java.util.Objects;

/**
 * The lead photo of a feed entry or article page: where it is, what it is, and who to credit. Only url is required;
 * length, width and height are 0 when unknown.
 */
public record FeedImage(URI url, String mimeType, long length, int width, int height, String caption, String credit) {

    public FeedImage {
        Objects.requireNonNull(url, "url");
    }
}
