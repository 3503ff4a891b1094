package dev.newsroom.page;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What readers see for a section: the newsroom's own name for it ("us-news" as "US news"), else the section as stored
 * with a capital first letter, since stories name their section in lower case ("politics") and a page heading or
 * navigation shows "Politics". Addresses and feed categories keep the stored section; only the words change. The
 * named sections also lead the navigation, in the order they were named, as a newsroom ranks its sections.
 */
public final class SectionNames {

    /** No names configured: every section is shown with a capital first letter. */
    public static final SectionNames DEFAULT = new SectionNames(Map.of());

    /** In the order they were named. */
    private final Map<String, String> names;

    private SectionNames(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(new LinkedHashMap<>(names));
    }

    /**
     * The names from configuration entries of the form {@code section=Name} (as {@code us-news=US news}).
     *
     * @throws IllegalArgumentException naming the entry that has no section, no name or a section named twice
     */
    public static SectionNames parse(List<String> entries) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String entry : entries) {
            int equals = entry.indexOf('=');
            String section = equals < 0 ? "" : entry.substring(0, equals).strip();
            String name = equals < 0 ? "" : entry.substring(equals + 1).strip();
            if (section.isEmpty() || name.isEmpty()) {
                throw new IllegalArgumentException("section name '" + entry
                        + "' is not of the form section=Name (as us-news=US news)");
            }
            if (names.put(section, name) != null) {
                throw new IllegalArgumentException("section '" + section + "' is named twice");
            }
        }
        return new SectionNames(names);
    }

    /** The sections with the named ones first, in the order they were named, then the others in their order. */
    public List<String> inNavigationOrder(List<String> sections) {
        List<String> ordered = new ArrayList<>(sections.size());
        names.keySet().stream().filter(sections::contains).forEach(ordered::add);
        sections.stream().filter(section -> !names.containsKey(section)).forEach(ordered::add);
        return List.copyOf(ordered);
    }

    /** The name readers see for the section (as stored, cleaned); null when the section is blank. */
    public String name(String section) {
        String stored = PageText.clean(section);
        if (stored == null) {
            return null;
        }
        String configured = names.get(stored);
        if (configured != null) {
            return configured;
        }
        int first = stored.codePointAt(0);
        return new StringBuilder(stored.length()).appendCodePoint(Character.toTitleCase(first))
                .append(stored, Character.charCount(first), stored.length()).toString();
    }
}
