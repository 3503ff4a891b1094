package dev.newsroom.article.content;

import java.text.Normalizer;
import java.util.Optional;

import dev.newsroom.events.content.XmlCharacters;

/**
 * Rules for the plain-text fields (headline, summary): markup in them is text, never interpreted, and is
 * escaped by whoever renders it; what is checked here is what no renderer can fix.
 */
public final class PlainText {

    public static final int HEADLINE_MAX = 300;
    public static final int SUMMARY_MAX = 1000;

    private PlainText() {
    }

    /** NFC, trimmed, every whitespace run (line breaks included) made one space; {@code null} stays {@code null}. */
    public static String normalizeHeadline(String headline) {
        return normalizeLine(headline);
    }

    /**
     * Same as the headline: the summary is one teaser paragraph, and every format it ends up in (HTML, feed
     * readers) shows line breaks as spaces, so storing them would only make revisions differ invisibly.
     */
    public static String normalizeSummary(String summary) {
        return normalizeLine(summary);
    }

    /**
     * The first problem with a (normalized) value: missing when required, a character XML cannot carry, or too
     * long. Lengths and positions count Unicode code points, as PostgreSQL's {@code varchar(n)} does.
     */
    public static Optional<TextProblem> check(String field, String value, int maxLength, boolean required) {
        if (value == null || isBlank(value)) {
            return required ? Optional.of(new TextProblem(field, "is required")) : Optional.empty();
        }
        Optional<String> unstorable = XmlCharacters.problem(value);
        if (unstorable.isPresent()) {
            return Optional.of(new TextProblem(field, unstorable.get()));
        }
        int length = value.codePointCount(0, value.length());
        if (length > maxLength) {
            return Optional.of(new TextProblem(field,
                    "is " + length + " characters long; at most " + maxLength + " are allowed"));
        }
        return Optional.empty();
    }

    static String normalizeLine(String value) {
        if (value == null) {
            return null;
        }
        String text = Normalizer.normalize(value, Normalizer.Form.NFC);
        StringBuilder line = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            if (!isCollapsibleSpace(codePoint)) {
                line.appendCodePoint(codePoint);
                i += Character.charCount(codePoint);
                continue;
            }
            int runStart = i;
            int runLength = 0;
            while (i < text.length() && isCollapsibleSpace(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
                runLength++;
            }
            if (runStart == 0 || i == text.length()) {
                continue;
            }
            // A single no-break space is typography the editor chose ("10 km", French « quotes »): keep it.
            line.appendCodePoint(runLength == 1 && isNoBreakSpace(codePoint) ? codePoint : ' ');
        }
        return line.toString();
    }

    static boolean isBlank(String value) {
        return value.codePoints().allMatch(PlainText::isCollapsibleSpace);
    }

    /** Whitespace XML can carry; U+000B, U+000C and U+001C..U+001F are whitespace to Java but are rejected instead. */
    private static boolean isCollapsibleSpace(int codePoint) {
        return XmlCharacters.isAllowed(codePoint)
                && (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint));
    }

    private static boolean isNoBreakSpace(int codePoint) {
        return codePoint == 0x00A0 || codePoint == 0x2007 || codePoint == 0x202F;
    }
}
