package dev.newsroom.article.rest;

import dev.newsroom.problem.ProblemException;

/** Reads the article version out of an If-Match header (RFC 9110, section 13.1.1). */
final class IfMatch {

    private IfMatch() {
    }

    /**
     * The version an If-Match names, or {@code null} without the header. A list is accepted when it names one
     * version; "*" is refused, since it would let a save overwrite whatever is there.
     */
    static Long version(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        Long version = null;
        for (String part : header.split(",")) {
            String tag = part.strip();
            if (tag.equals("*")) {
                throw new ProblemException(428, "Precondition required", "If-Match: * would overwrite whatever "
                        + "is there; send the ETag you read the article with, e.g. If-Match: \"3\"");
            }
            // A weak tag never matches in If-Match (strong comparison); ours are strong, so W/ is a client's slip.
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            Long parsed = parse(tag);
            if (version != null && !version.equals(parsed)) {
                throw unreadable(header);
            }
            version = parsed;
        }
        return version;
    }

    private static Long parse(String tag) {
        String value = tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                ? tag.substring(1, tag.length() - 1) : tag;
        if (value.isEmpty() || value.length() > 18 || !value.chars().allMatch(Character::isDigit)) {
            throw unreadable(tag);
        }
        return Long.parseLong(value);
    }

    private static ProblemException unreadable(String header) {
        return new ProblemException(412, "Precondition failed", "If-Match must be the ETag the article was read "
                + "with, e.g. \"3\"; this one matches no version of it");
    }
}
