package dev.newsroom.feed.render;

import java.util.Arrays;
import java.util.Optional;

/** The three syndication formats a feed is served in, with their media type and file name. */
public enum FeedFormat {
    RSS("application/rss+xml", "rss.xml"),
    ATOM("application/atom+xml", "atom.xml"),
    JSON_FEED("application/feed+json", "feed.json");

    private final String mediaType;
    private final String fileName;

    FeedFormat(String mediaType, String fileName) {
        this.mediaType = mediaType;
        this.fileName = fileName;
    }

    public String mediaType() {
        return mediaType;
    }

    public String fileName() {
        return fileName;
    }

    /** The format served under a file name such as "atom.xml", if any. */
    public static Optional<FeedFormat> ofFileName(String fileName) {
        return Arrays.stream(values()).filter(format -> format.fileName.equals(fileName)).findFirst();
    }
}
