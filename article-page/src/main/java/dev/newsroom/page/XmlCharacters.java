package dev.newsroom.page;

/** Removes the characters a feed cannot carry, so that no stored text can make a feed unparseable. */
public final class XmlCharacters {

    private XmlCharacters() {
    }

    /**
     * Keeps only XML 1.0 Chars (section 2.2): drops C0 controls other than tab, LF and CR, lone surrogates and
     * U+FFFE/U+FFFF. Also drops DEL and the C1 controls, which XML 1.0 discourages and HTML treats as errors;
     * in news text they are only ever encoding debris.
     */
    public static String strip(String text) {
        if (text == null) {
            return null;
        }
        int length = text.length();
        int i = 0;
        while (i < length) {
            int codePoint = text.codePointAt(i);
            if (!allowed(codePoint)) {
                break;
            }
            i += Character.charCount(codePoint);
        }
        if (i == length) {
            return text;
        }
        StringBuilder kept = new StringBuilder(length);
        kept.append(text, 0, i);
        while (i < length) {
            int codePoint = text.codePointAt(i);
            if (allowed(codePoint)) {
                kept.appendCodePoint(codePoint);
            }
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }

    private static boolean allowed(int c) {
        if (c < 0x20) {
            return c == '\t' || c == '\n' || c == '\r';
        }
        if (c < 0x7F) {
            return true;
        }
        if (c <= 0x9F) {
            return false;
        }
        if (c < Character.MIN_SURROGATE) {
            return true;
        }
        if (c <= Character.MAX_SURROGATE) {
            // codePointAt only yields a surrogate when it is unpaired
            return false;
        }
        return c != 0xFFFE && c != 0xFFFF;
    }
}
