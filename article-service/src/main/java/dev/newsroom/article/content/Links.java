package dev.newsroom.article.content;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsroom.events.content.XmlCharacters;

/** URL rules: the "Read also" links an article lists, and the links inside its body. */
public final class Links {

    public static final int URL_MAX = 2000;

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.\\-]*):");
    private static final Pattern ASCII_HOST = Pattern.compile("[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)*\\.?");
    private static final int SCHEME_SHOWN_MAX = 20;

    private Links() {
    }

    /** Surrounding whitespace removed, as pasting often adds it; {@code null} stays {@code null}. */
    public static String normalizeUrl(String url) {
        return url == null ? null : url.strip();
    }

    /** The problem with a "Read also" URL: required, absolute http or https with a host, at most {@value #URL_MAX}. */
    public static Optional<TextProblem> checkUrl(String field, String url) {
        if (url == null || url.isBlank()) {
            return problem(field, "is required");
        }
        int length = url.codePointCount(0, url.length());
        if (length > URL_MAX) {
            return problem(field, "is " + length + " characters long; at most " + URL_MAX + " are allowed");
        }
        for (int i = 0; i < url.length(); ) {
            int codePoint = url.codePointAt(i);
            if (codePoint <= 0x20 || codePoint == 0x7F || Character.isWhitespace(codePoint)
                    || Character.isSpaceChar(codePoint) || !XmlCharacters.isAllowed(codePoint)) {
                String what = codePoint == ' ' ? "a space" : "whitespace or " + XmlCharacters.describe(codePoint);
                return problem(field, "contains " + what + " at position " + (url.codePointCount(0, i) + 1)
                        + "; a URL cannot (a space is written %20)");
            }
            i += Character.charCount(codePoint);
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            String where = e.getIndex() >= 0 ? " at position " + (url.codePointCount(0, e.getIndex()) + 1) : "";
            return problem(field, "is not a valid URL (" + e.getReason().toLowerCase(Locale.ROOT) + where + ")");
        }
        String scheme = uri.getScheme();
        if (scheme == null) {
            return problem(field, "must be an absolute URL starting with http:// or https://");
        }
        if (!scheme.equalsIgnoreCase("http") && !scheme.equalsIgnoreCase("https")) {
            return problem(field, "must start with http:// or https://, not " + shown(scheme) + ":");
        }
        if (uri.getRawAuthority() == null || uri.getRawAuthority().isEmpty()) {
            return problem(field, "must name a host, as in https://example.com/page");
        }
        if (uri.getRawUserInfo() != null) {
            return problem(field, "must not contain a user name or password");
        }
        if (uri.getHost() == null && !isInternationalHost(uri.getRawAuthority())) {
            return problem(field, "has an invalid host name");
        }
        return Optional.empty();
    }

    /**
     * A body link's value as a browser reads it (WHATWG URL: leading and trailing C0 controls and spaces ignored,
     * tabs and line breaks anywhere ignored), so that what is checked is what would be followed.
     */
    static String asBrowserReadsIt(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && value.charAt(start) <= 0x20) {
            start++;
        }
        while (end > start && value.charAt(end - 1) <= 0x20) {
            end--;
        }
        StringBuilder url = new StringBuilder(end - start);
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (c != '\t' && c != '\n' && c != '\r') {
                url.append(c);
            }
        }
        return url.toString();
    }

    /**
     * What keeps a body link (already {@link #asBrowserReadsIt read as a browser would}) out of the article,
     * phrased to follow "removed link with", or empty when it may stay: http and https with a host, and mailto.
     */
    static Optional<String> bodyLinkProblem(String url) {
        if (url.isEmpty()) {
            return Optional.of("no URL");
        }
        Matcher scheme = SCHEME.matcher(url);
        if (!scheme.lookingAt()) {
            return Optional.of("a relative URL (links must start with http://, https:// or mailto:)");
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        String rest = url.substring(scheme.end());
        boolean valid = switch (name) {
            // Browsers read \ as / in http(s) URLs; either way a host must follow.
            case "http", "https" -> rest.length() > 2 && isSlash(rest.charAt(0)) && isSlash(rest.charAt(1))
                    && !isSlash(rest.charAt(2)) && rest.charAt(2) != '?' && rest.charAt(2) != '#';
            case "mailto" -> !rest.isEmpty();
            default -> false;
        };
        if (valid) {
            return Optional.empty();
        }
        return Optional.of(switch (name) {
            case "http", "https", "mailto" -> "an incomplete " + name + ": URL";
            default -> "a " + shown(name) + ": URL";
        });
    }

    private static boolean isSlash(char c) {
        return c == '/' || c == '\\';
    }

    private static boolean isInternationalHost(String authority) {
        String host = authority.replaceFirst(":[0-9]*$", "");
        try {
            return ASCII_HOST.matcher(IDN.toASCII(host)).matches();
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shown(String scheme) {
        return scheme.length() > SCHEME_SHOWN_MAX ? scheme.substring(0, SCHEME_SHOWN_MAX) + "..." : scheme;
    }

    private static Optional<TextProblem> problem(String field, String reason) {
        return Optional.of(new TextProblem(field, reason));
    }
}
