package dev.newsroom.feed;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

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

    /** The scope whose {@link #path()} this is; empty for any other path. */
    public static Optional<FeedScope> ofPath(String path) {
        if (path.equals(ALL.path())) {
            return Optional.of(ALL);
        }
        String[] parts = path.split("/", -1); // "", "feeds", kind, value, ""
        if (parts.length != 5 || !parts[0].isEmpty() || !parts[1].equals("feeds") || parts[3].isEmpty()
                || !parts[4].isEmpty()) {
            return Optional.empty();
        }
        String value;
        try {
            value = URLDecoder.decode(parts[3], StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
        return switch (parts[2]) {
            case "sections" -> Optional.of(section(value));
            case "tags" -> Optional.of(tag(value));
            default -> Optional.empty();
        };
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
