package dev.newsroom.page;

import java.util.ArrayList;
import java.util.List;

import dev.newsroom.events.content.XmlCharacters;

/** Story text as pages show it: without characters HTML cannot carry, stripped, and null when blank. */
public final class PageText {

    private PageText() {
    }

    /** The text without control characters and surrounding space, or null when nothing is left. */
    public static String clean(String value) {
        String text = XmlCharacters.strip(value);
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** Names (authors, tags) cleaned, without blanks or repeats, in their order. */
    public static List<String> names(List<String> values) {
        List<String> names = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                String name = clean(value);
                if (name != null && !names.contains(name)) {
                    names.add(name);
                }
            }
        }
        return names;
    }
}
