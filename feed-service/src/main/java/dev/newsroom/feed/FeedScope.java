package dev.newsroom.feed;

import java.util.Locale;

import dev.newsroom.page.PathSegments;

/** Which articles a feed holds: everything, one section, or one tag. */
public record FeedScope(Kind kind, String value) {

    /** The three kinds of feed of the contract. */
    public enum Kind { ALL, SECTION, TAG }

    public static final FeedScope ALL = new FeedScope(Kind.ALL, null);

    public static FeedScope section(String section) {
        return new FeedScope(Kind.SECTION, section.toLowerCase(Locale.ROOT));
    }

    public static FeedScope tag(String tag) {
        return new FeedScope(Kind.TAG, tag);
    }

    /** The path of this feed below /feeds, without the file name. */
    public String path() {
        return switch (kind) {
            case ALL -> "/feeds/";
            case SECTION -> "/feeds/sections/" + PathSegments.encode(value) + "/";
            case TAG -> "/feeds/tags/" + PathSegments.encode(value) + "/";
        };
    }
}
