package dev.newsroom.article.content;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** URL slugs: readable ASCII derived from a headline, the n-th candidate when one is taken, and the editor's own. */
public final class Slugs {

    /** Longest slug an editor may give. */
    public static final int MAX_LENGTH = 120;
    /** Longest slug derived from a headline; cut at a word boundary. */
    public static final int DERIVED_MAX_LENGTH = 80;
    /** The slug of a headline with nothing transliterable in it (e.g. Chinese or Japanese only). */
    public static final String FALLBACK = "article";

    private static final Pattern VALID = Pattern.compile("[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    /**
     * Letters that do not decompose into a base letter plus marks. Latin follows common newsroom practice
     * (ø -> o, æ -> ae, ß -> ss); Cyrillic and Greek follow a simplified BGN/PCGN romanization. Other scripts
     * (CJK, Arabic, Hebrew, ...) separate words, and a headline with nothing left gets {@link #FALLBACK}.
     * "_" marks letters that are left out (the Cyrillic hard and soft signs).
     */
    private static final Map<Integer, String> LETTERS = letters(
            "ß ss æ ae ø o œ oe đ d ð d þ th ł l ı i ħ h ŧ t ŋ ng ĸ k ſ s ƒ f ȷ j "
                    + "а a б b в v г g д d е e ж zh з z и i к k л l м m н n о o п p р r с s т t у u ф f "
                    + "х kh ц ts ч ch ш sh щ shch ъ _ ы y ь _ э e ю yu я ya є ye і i ґ g ў u "
                    + "ђ dj ј j љ lj њ nj ћ c џ dz ѓ gj ќ kj ѕ dz "
                    + "α a β v γ g δ d ε e ζ z η i θ th ι i κ k λ l μ m ν n ξ x ο o π p ρ r σ s ς s "
                    + "τ t υ y φ f χ ch ψ ps ω o");

    private Slugs() {
    }

    /** Lowercase ASCII words joined by hyphens, at most {@value #DERIVED_MAX_LENGTH} characters; never empty. */
    public static String fromHeadline(String headline) {
        if (headline == null) {
            return FALLBACK;
        }
        // Lowercase first: ROOT rules turn İ into i + combining dot, which the mark removal then drops.
        String lower = headline.toLowerCase(Locale.ROOT);
        // Before decomposition, which would make them и, е and і plus a mark: Сергей, Пётр, Київ.
        lower = lower.replace("й", "y").replace("ё", "yo").replace("ї", "yi");
        String decomposed = COMBINING_MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFKD)).replaceAll("");
        StringBuilder slug = new StringBuilder();
        boolean pendingHyphen = false;
        for (int i = 0; i < decomposed.length(); ) {
            int codePoint = decomposed.codePointAt(i);
            i += Character.charCount(codePoint);
            if (isApostrophe(codePoint)) {
                continue; // "don't" reads better as "dont" than "don-t"
            }
            String ascii = codePoint < 0x80 ? String.valueOf((char) codePoint) : LETTERS.getOrDefault(codePoint, "-");
            for (char c : ascii.toCharArray()) {
                if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                    if (pendingHyphen && slug.length() > 0) {
                        slug.append('-');
                    }
                    pendingHyphen = false;
                    slug.append(c);
                } else {
                    pendingHyphen = true;
                }
            }
            if (slug.length() > DERIVED_MAX_LENGTH + 1) {
                break;
            }
        }
        String cut = cutAtWord(slug.toString(), DERIVED_MAX_LENGTH);
        return cut.isEmpty() ? FALLBACK : cut;
    }

    /** The n-th slug to try when earlier ones are taken: {@code base}, {@code base-2}, {@code base-3}, ... */
    public static String candidate(String base, int n) {
        Objects.requireNonNull(base, "base");
        if (n < 1) {
            throw new IllegalArgumentException("candidates are numbered from 1, not " + n);
        }
        if (n == 1) {
            return base;
        }
        String suffix = "-" + n;
        return cutAtWord(base, MAX_LENGTH - suffix.length()) + suffix;
    }

    /** Whether an editor's slug is acceptable: lowercase ASCII letters and digits in hyphen-separated words. */
    public static boolean isValid(String slug) {
        return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
    }

    private static String cutAtWord(String slug, int maxLength) {
        if (slug.length() <= maxLength) {
            return slug;
        }
        int lastHyphen = slug.lastIndexOf('-', maxLength);
        String cut = lastHyphen > 0 ? slug.substring(0, lastHyphen) : slug.substring(0, maxLength);
        return cut.endsWith("-") ? cut.substring(0, cut.length() - 1) : cut;
    }

    private static boolean isApostrophe(int codePoint) {
        return codePoint == '\'' || codePoint == 0x2019 || codePoint == 0x02BC || codePoint == 0x2018;
    }

    private static Map<Integer, String> letters(String pairs) {
        String[] parts = pairs.trim().split(" ");
        Map<Integer, String> letters = new HashMap<>();
        for (int i = 0; i < parts.length; i += 2) {
            letters.put(parts[i].codePointAt(0), parts[i + 1].equals("_") ? "" : parts[i + 1]);
        }
        return Map.copyOf(letters);
    }
}
