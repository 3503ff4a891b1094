package dev.newsroom.page;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Percent-encoding of one URL path segment (RFC 3986), for tags and sections in feed URLs. */
public final class PathSegments {

    private PathSegments() {
    }

    public static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
