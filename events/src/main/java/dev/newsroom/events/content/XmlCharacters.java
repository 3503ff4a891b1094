package dev.newsroom.events.content;

import java.util.Locale;
import java.util.Optional;

/**
 * The one rule for which characters event text may hold: feeds are XML, so article-service refuses (or, in a body,
 * removes and reports) what this rejects, and feed-service strips it again in case an older row still holds some.
 *
 * <p>Allowed are XML 1.0 Chars (section 2.2) except DEL and the C1 controls (U+007F..U+009F): XML 1.0 discourages
 * them, HTML treats them as parse errors, and in news text they are only ever encoding debris (a Windows-1252
 * quote read as Latin-1). Refused: C0 controls other than tab, LF and CR, lone surrogates, U+FFFE and U+FFFF.
 */
public final class XmlCharacters {

    private XmlCharacters() {
    }

    /** Whether text may hold this code point (a lone surrogate arrives here as its own code point). */
    public static boolean isAllowed(int codePoint) {
        if (codePoint < 0x20) {
            return codePoint == '\t' || codePoint == '\n' || codePoint == '\r';
        }
        if (codePoint < 0x7F) {
            return true;
        }
        if (codePoint <= 0x9F) {
            return false;
        }
        if (codePoint < Character.MIN_SURROGATE) {
            return true;
        }
        if (codePoint <= Character.MAX_SURROGATE) {
            // codePointAt only yields a surrogate when it is unpaired
            return false;
        }
        return codePoint != 0xFFFE && codePoint != 0xFFFF && codePoint <= Character.MAX_CODE_POINT;
    }

    /** The UTF-16 index of the first character that is not allowed (a lone surrogate counts as one), or -1. */
    public static int indexOfDisallowed(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (!isAllowed(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /**
     * Why text must be refused, phrased to follow the field's name ("contains the control character U+0085 at
     * position 12, which cannot be stored; remove it"), or empty when it may be stored. Positions count code points
     * from 1, as an editor counts characters.
     */
    public static Optional<String> problem(String text) {
        int bad = text == null ? -1 : indexOfDisallowed(text);
        if (bad < 0) {
            return Optional.empty();
        }
        return Optional.of("contains " + describe(text.codePointAt(bad)) + " at position "
                + (text.codePointCount(0, bad) + 1) + ", which cannot be stored; remove it");
    }

    /** The text without the characters that are not allowed; {@code null} stays {@code null}, clean text is returned as is. */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int first = indexOfDisallowed(text);
        if (first < 0) {
            return text;
        }
        StringBuilder kept = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            if (isAllowed(codePoint)) {
                kept.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }

    /** Names a character for a person: "the control character U+0007", "a lone surrogate U+D800", ... */
    public static String describe(int codePoint) {
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        if (codePoint >= Character.MIN_SURROGATE && codePoint <= Character.MAX_SURROGATE) {
            return "a lone surrogate " + code;
        }
        if (codePoint == 0xFFFE || codePoint == 0xFFFF) {
            return "the non-character " + code;
        }
        return "the control character " + code;
    }
}
