package dev.newsroom.events.content;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jsoup.safety.Safelist;

/**
 * The HTML an article body may hold, as carried in {@code body} of the article events: the one list that
 * article-service sanitizes to on input, feed-service cleans to again on output, and the editors' desk restricts
 * its editor to. Described for people in events/README.md; {@code BodyAllowListTest} keeps the two equal.
 */
public final class BodyAllowList {

    /** Elements in reading order, each with the only attributes it may carry. */
    private static final Map<String, Set<String>> ELEMENTS = elementsInOrder();

    /**
     * Elements with the same meaning under an allowed name, renamed on input rather than dropped: word processors
     * and older editors mark emphasis with b and i, and an editor's bold must not silently vanish. Stored bodies
     * therefore never hold them, so they are not in the list and the output side removes them (keeping the text).
     */
    private static final Map<String, String> SYNONYMS = Map.of("b", "strong", "i", "em");

    /** URL schemes each URL attribute may use; article-service further limits img src to this platform's media. */
    private static final Map<String, List<String>> URL_SCHEMES = Map.of(
            "a.href", List.of("http", "https", "mailto"),
            "img.src", List.of("http", "https"));

    private BodyAllowList() {
    }

    private static Map<String, Set<String>> elementsInOrder() {
        Map<String, Set<String>> elements = new LinkedHashMap<>();
        elements.put("p", Set.of());
        // A line break inside a paragraph (addresses, verse); editors' "hard break".
        elements.put("br", Set.of());
        // h1 is the headline's level: a body's headings start at h2.
        elements.put("h2", Set.of());
        elements.put("h3", Set.of());
        elements.put("h4", Set.of());
        elements.put("a", Set.of("href"));
        elements.put("em", Set.of());
        elements.put("strong", Set.of());
        elements.put("blockquote", Set.of());
        elements.put("ul", Set.of());
        elements.put("ol", Set.of());
        elements.put("li", Set.of());
        elements.put("figure", Set.of());
        elements.put("figcaption", Set.of());
        elements.put("img", Set.of("src", "alt"));
        return Collections.unmodifiableMap(elements);
    }

    /** Each allowed element (lower case, in reading order) with the attributes it may carry; read-only. */
    public static Map<String, Set<String>> elements() {
        return ELEMENTS;
    }

    /** Whether the element may appear in a body. */
    public static boolean allows(String element) {
        return ELEMENTS.containsKey(element);
    }

    /** Whether the element may carry the attribute. */
    public static boolean allows(String element, String attribute) {
        return ELEMENTS.getOrDefault(element, Set.of()).contains(attribute);
    }

    /** The allowed element that a synonym (b, i) is renamed to on input; read-only. */
    public static Map<String, String> synonyms() {
        return SYNONYMS;
    }

    /** The URL schemes the element's URL attribute may use, empty when the attribute is not a URL. */
    public static List<String> urlSchemes(String element, String attribute) {
        return URL_SCHEMES.getOrDefault(element + "." + attribute, List.of());
    }

    /**
     * A new jsoup Safelist of exactly these elements, attributes and URL schemes (a new one each call, since a
     * Safelist can be changed). Once built and no longer changed, one instance may serve every thread.
     */
    public static Safelist safelist() {
        Safelist safelist = Safelist.none();
        ELEMENTS.forEach((element, attributes) -> {
            safelist.addTags(element);
            if (!attributes.isEmpty()) {
                safelist.addAttributes(element, attributes.toArray(String[]::new));
            }
        });
        URL_SCHEMES.forEach((key, schemes) -> {
            String[] elementAndAttribute = key.split("\\.");
            safelist.addProtocols(elementAndAttribute[0], elementAndAttribute[1], schemes.toArray(String[]::new));
        });
        return safelist;
    }
}
