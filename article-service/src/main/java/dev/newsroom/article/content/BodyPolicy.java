package dev.newsroom.article.content;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Safelist;

import dev.newsroom.events.content.BodyAllowList;

/**
 * The event contract's {@link BodyAllowList}, with the input side's stricter URL checks: links as
 * {@link Links#bodyLinkProblem} allows them, images only from this platform's media. Both the removal report and
 * jsoup's {@link org.jsoup.safety.Cleaner} ask it, so what is reported is what is removed.
 */
final class BodyPolicy extends Safelist {

    /** Where media-service serves images ({@code GET /media/{id}/{rendition}}), as a same-site path. */
    static final String MEDIA_PATH = "/media/";

    private final String mediaBaseUrl;

    BodyPolicy(String mediaBaseUrl) {
        super(BodyAllowList.safelist());
        this.mediaBaseUrl = checkedBaseUrl(mediaBaseUrl);
    }

    @Override
    public boolean isSafeAttribute(String tagName, Element element, Attribute attribute) {
        if (tagName.equals("a") && attribute.getKey().equals("href")) {
            return Links.bodyLinkProblem(Links.asBrowserReadsIt(attribute.getValue())).isEmpty();
        }
        if (tagName.equals("img") && attribute.getKey().equals("src")) {
            return isMediaUrl(Links.asBrowserReadsIt(attribute.getValue()));
        }
        return super.isSafeAttribute(tagName, element, attribute);
    }

    /** An image this platform serves: under the media base URL, or under /media/ on this site, plain path only. */
    boolean isMediaUrl(String src) {
        String path;
        if (src.startsWith(mediaBaseUrl)) {
            path = src.substring(mediaBaseUrl.length());
        } else if (src.startsWith(MEDIA_PATH)) {
            path = src.substring(MEDIA_PATH.length());
        } else {
            return false;
        }
        return path.length() <= Links.URL_MAX && isPlainPath(path);
    }

    /**
     * Segments of unreserved characters not starting with a dot: no "..", no percent-encoding (browsers decode
     * %2e%2e to ..), no query, no backslash, so the URL cannot leave the media path.
     */
    private static boolean isPlainPath(String path) {
        if (path.isEmpty()) {
            return false;
        }
        boolean segmentStart = true;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/') {
                if (segmentStart) {
                    return false;
                }
                segmentStart = true;
                continue;
            }
            boolean unreserved = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '_' || c == '~' || c == '.';
            if (!unreserved || segmentStart && c == '.') {
                return false;
            }
            segmentStart = false;
        }
        return !segmentStart;
    }

    private static String checkedBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new IllegalArgumentException("the media base URL is required, e.g. http://localhost:8082/media/");
        }
        String url = baseUrl.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null
                    || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new IllegalArgumentException("the media base URL must be an absolute http(s) URL without query "
                        + "or fragment, e.g. http://localhost:8082/media/, not " + baseUrl);
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the media base URL is not a valid URL: " + baseUrl, e);
        }
        // Without the final slash, http://host/media would also admit http://host/media-other/...
        return url.endsWith("/") ? url : url + "/";
    }
}
