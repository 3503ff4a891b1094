package dev.newsroom.feed.render;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.newsroom.events.content.XmlCharacters;
import dev.newsroom.page.SafeHtml;

/** The values every format derives the same way from a feed item: categories, content and dates. */
final class ItemText {

    private ItemText() {
    }

    /** Section first, then tags, without blanks or repeats, so a tag equal to the section is listed once. */
    static List<String> categories(FeedItem item) {
        Set<String> categories = new LinkedHashSet<>();
        addIfPresent(categories, item.section());
        item.tags().forEach(tag -> addIfPresent(categories, tag));
        return List.copyOf(categories);
    }

    /** Names (authors, tags) without control characters, blanks or surrounding space. */
    static List<String> names(List<String> values) {
        List<String> names = new ArrayList<>(values.size());
        for (String value : values) {
            String name = XmlCharacters.strip(value);
            if (name != null && !name.isBlank()) {
                names.add(name.strip());
            }
        }
        return names;
    }

    /** What an entry's HTML is made of; the same parts always give the same HTML. */
    private record EntryParts(String body, String correction, String link) {
    }

    /**
     * Entries cleaned before, by their parts: a story stays in its feeds for many renders, and cleaning its body
     * (parse, allow-list, serialise) was a quarter of feed-service's CPU while feeds were re-rendered all day.
     */
    private static final Cache<EntryParts, String> CLEANED = Caffeine.newBuilder()
            .maximumWeight(32L * 1024 * 1024)
            .weigher((EntryParts parts, String html) -> 2 * (html.length() + length(parts.body())
                    + length(parts.correction()) + parts.link().length()))
            .build();

    /** The full HTML of an entry with its correction note, or null when the item has neither. */
    static String contentHtml(FeedItem item) {
        if (item.contentHtml() == null && item.correction() == null) {
            return null;
        }
        return CLEANED.get(new EntryParts(item.contentHtml(), item.correction(), item.link().toASCIIString()),
                parts -> SafeHtml.entryHtml(parts.body(), parts.correction(), parts.link()));
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }

    /** RFC 3339 in UTC to the second, the precision every format shares. */
    static String rfc3339(Instant instant) {
        return DateTimeFormatter.ISO_INSTANT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    static Date date(Instant instant) {
        return Date.from(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** An immutable copy without null elements; null becomes empty. Upstream lists may hold gaps. */
    static <T> List<T> withoutNulls(List<T> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).toList();
    }

    static String text(String value) {
        return XmlCharacters.strip(value);
    }

    static String url(URI uri) {
        return uri == null ? null : uri.toASCIIString();
    }

    private static void addIfPresent(Set<String> categories, String value) {
        String clean = XmlCharacters.strip(value);
        if (clean != null && !clean.isBlank()) {
            categories.add(clean.strip());
        }
    }
}
