package dev.newsroom.article.content;

import java.util.Locale;

/** The characters XML 1.0 can carry (section 2.2): feeds are XML, so stored text must be representable in it. */
final class XmlCharacters {

    private XmlCharacters() {
    }

    static boolean isAllowed(int codePoint) {
        return codePoint == 0x9 || codePoint == 0xA || codePoint == 0xD
                || codePoint >= 0x20 && codePoint <= 0xD7FF
                || codePoint >= 0xE000 && codePoint <= 0xFFFD
                || codePoint >= 0x10000 && codePoint <= 0x10FFFF;
    }

    /** The UTF-16 index of the first character XML cannot carry (a lone surrogate counts as one), or -1. */
    static int indexOfDisallowed(CharSequence text) {
        for (int i = 0; i < text.length(); ) {
            int codePoint = Character.codePointAt(text, i);
            if (!isAllowed(codePoint)) {
                return i;
            }
            i += Character.charCount(codePoint);
        }
        return -1;
    }

    /** Names a character for a person: "the control character U+0007", "a lone surrogate U+D800", ... */
    static String describe(int codePoint) {
        String code = String.format(Locale.ROOT, "U+%04X", codePoint);
        if (Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF) {
            return "a lone surrogate " + code;
        }
        if (codePoint == 0xFFFE || codePoint == 0xFFFF) {
            return "the non-character " + code;
        }
        return "the control character " + code;
    }
}
