package dev.newsroom.feed.render;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What the public HTML page of a published article shows. Everything but headline and canonical may be
 * null; bodyHtml is expected to be sanitized upstream and is cleaned again when rendered.
 */
public record ArticlePage(String headline, String summary, String bodyHtml, String language, URI canonical,
        Instant published, Instant updated, List<String> authors, String section, List<String> tags, FeedImage image,
        List<Link> related, String correction, String siteName) {

    public ArticlePage {
        Objects.requireNonNull(headline, "headline");
        Objects.requireNonNull(canonical, "canonical");
        authors = ItemText.withoutNulls(authors);
        tags = ItemText.withoutNulls(tags);
        related = ItemText.withoutNulls(related);
    }

    /** A "Read also" link. */
    public record Link(String title, URI url) {

        public Link {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(url, "url");
        }
    }
}
