package dev.newsroom.feed.service;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.newsroom.feed.service.ArticlePages.Outcome;

/**
 * The last rendering of each article page, least recently used first out once their text passes a size bound, so
 * that an outage of the database is answered with the page readers saw before it, and memory stays bounded.
 */
final class LastGoodPages {

    private final long maxChars;
    private final LinkedHashMap<String, Outcome> pages = new LinkedHashMap<>(256, 0.75f, true);
    private long chars;

    LastGoodPages(long maxBytes) {
        this.maxChars = maxBytes / 2; // Java strings: up to two bytes per char
    }

    synchronized Outcome get(String slug) {
        return pages.get(slug);
    }

    /** Keeps a page readers may see again; a 404 is not worth keeping (an outage answers 503 for it). */
    synchronized void put(String slug, Outcome outcome) {
        if (outcome.status() == 404 || outcome.html().length() > maxChars) {
            Outcome gone = pages.remove(slug);
            chars -= gone == null ? 0 : gone.html().length();
            return;
        }
        Outcome previous = pages.put(slug, outcome);
        chars += outcome.html().length() - (previous == null ? 0 : previous.html().length());
        var eldest = pages.entrySet().iterator();
        while (chars > maxChars && eldest.hasNext()) {
            Map.Entry<String, Outcome> entry = eldest.next();
            chars -= entry.getValue().html().length();
            eldest.remove();
        }
    }
}
