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

    /** The full HTML of an entry with its correction note, or null when the item has neither. */
    static String contentHtml(FeedItem item) {
        if (item.contentHtml() == null && item.correction() == null) {
            return null;
        }
        return SafeHtml.entryHtml(item.contentHtml(), item.correction(), item.link().toASCIIString());
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
