package dev.newsroom.article.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Article tags: kept in the case the editor wrote them ("EU", "iPhone" read better than "eu", "iphone"), but
 * two tags that differ only in case are the same tag, and the first spelling wins.
 */
public final class Tags {

    public static final int TAG_MAX = 50;
    public static final int MAX_TAGS = 20;

    private Tags() {
    }

    /** The first problem with the tags as sent: an empty tag, a tag too long or unstorable, or too many tags. */
    public static Optional<TextProblem> check(List<String> tags) {
        if (tags == null) {
            return Optional.empty();
        }
        for (int i = 0; i < tags.size(); i++) {
            String field = "tags[" + i + "]";
            String tag = PlainText.normalizeLine(tags.get(i));
            if (tag == null || tag.isEmpty()) {
                return Optional.of(new TextProblem(field, "is empty; give the tag a name or remove it"));
            }
            Optional<TextProblem> problem = PlainText.check(field, tag, TAG_MAX, true);
            if (problem.isPresent()) {
                return problem;
            }
        }
        int distinct = normalize(tags).size();
        if (distinct > MAX_TAGS) {
            return Optional.of(new TextProblem("tags",
                    "has " + distinct + " different tags; at most " + MAX_TAGS + " are allowed"));
        }
        return Optional.empty();
    }

    /** NFC, trimmed, inner whitespace collapsed, empty ones dropped, case-insensitive duplicates dropped. */
    public static List<String> normalize(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (String raw : tags) {
            String tag = PlainText.normalizeLine(raw);
            if (tag != null && !tag.isEmpty()) {
                byKey.putIfAbsent(key(tag), tag);
            }
        }
        return List.copyOf(new ArrayList<>(byKey.values()));
    }

    /** Upper then lower case folds more than lowercasing alone: "Straße" and "STRASSE" become one tag. */
    static String key(String tag) {
        return tag.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
