package dev.newsroom.article.content;

import java.util.List;
import java.util.Objects;

/**
 * An article body after sanitizing, with what was removed or changed, phrased for the editor.
 *
 * @param html    the body as it may be stored and published
 * @param removed one human-readable line per kind of removal (e.g. {@code removed <script> element (2 times)});
 *                empty when the body was already clean
 */
public record SanitizedHtml(String html, List<String> removed) {

    public SanitizedHtml {
        Objects.requireNonNull(html, "html");
        removed = List.copyOf(removed);
    }

    /** Whether anything was removed or changed. */
    public boolean changed() {
        return !removed.isEmpty();
    }
}
