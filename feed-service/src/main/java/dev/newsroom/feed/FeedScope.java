package dev.newsroom.feed;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

import dev.newsroom.page.PathSegments;

/** Which articles a feed holds: everything, one section, or one tag. */
public record FeedScope(Kind kind, String value) {

    /** The three kinds of feed of the contract, each with the path segment that names it (none for all). */
    public enum Kind {
        ALL(null), SECTION("sections"), TAG("tags");

        private final String segment;

        Kind(String segment) {
            this.segment = segment;
        }
    }

    public static final FeedScope ALL = new FeedScope(Kind.ALL, null);

    public static FeedScope section(String section) {
        return new FeedScope(Kind.SECTION, section.toLowerCase(Locale.ROOT));
    }

    public static FeedScope tag(String tag) {
        return new FeedScope(Kind.TAG, tag);
    }

    /** The section or tag named {@code value} under the path segment {@code segment}; empty for another segment. */
    public static Optional<FeedScope> of(String segment, String value) {
        if (segment.equals(Kind.SECTION.segment)) {
            return Optional.of(section(value));
        }
        return segment.equals(Kind.TAG.segment) ? Optional.of(tag(value)) : Optional.empty();
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
        return of(parts[2], value);
    }

    /** The path of this feed below /feeds, without the file name. */
    public String path() {
        return kind == Kind.ALL ? "/feeds/" : "/feeds/" + kind.segment + "/" + PathSegments.encode(value) + "/";
    }
}
