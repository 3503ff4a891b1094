package dev.newsroom.page;

import java.net.URI;
import java.net.URISyntaxException;

/** Which URLs a page may link or load: http(s) and relative references; javascript:, data: and the like never. */
final class Urls {

    private Urls() {
    }

    /** The URL when it is http(s) or relative and parses; null otherwise. */
    static URI safe(String url) {
        if (url == null || url.isBlank()) {
            return null;
        }
        try {
            return safe(new URI(url.strip()));
        } catch (URISyntaxException e) {
            return null;
        }
    }

    static URI safe(URI uri) {
        if (uri == null) {
            return null;
        }
        String scheme = uri.getScheme();
        return scheme == null || scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https") ? uri : null;
    }
}
