package dev.newsroom.feed.render;

import java.util.Objects;

/**
 * Renders one feed page as RSS 2.0, Atom 1.0 or JSON Feed 1.1 in UTF-8. Thread-safe, and deterministic: the same
 * page always gives the same bytes (nothing reads the clock or iterates an unordered collection), so an ETag taken
 * from the bytes stays stable.
 */
public final class FeedRenderer {

    private final RssFeedWriter rss = new RssFeedWriter();
    private final AtomFeedWriter atom = new AtomFeedWriter();
    private final JsonFeedWriter json = new JsonFeedWriter();

    public byte[] render(FeedPage page, FeedFormat format) {
        Objects.requireNonNull(page, "page");
        return switch (Objects.requireNonNull(format, "format")) {
            case RSS -> rss.write(page);
            case ATOM -> atom.write(page);
            case JSON_FEED -> json.write(page);
        };
    }
}
