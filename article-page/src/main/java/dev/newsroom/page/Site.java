package dev.newsroom.page;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * The public site pages belong to: its name, the base URL every page address is built on (no trailing slash), and
 * the sections its navigation lists.
 */
public record Site(String name, String baseUrl, List<String> sections) {

    public Site {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        sections = sections == null ? List.of() : sections.stream().filter(Objects::nonNull).toList();
    }

    public URI home() {
        return URI.create(baseUrl + "/");
    }

    public URI article(String slug) {
        return URI.create(baseUrl + "/articles/" + PathSegments.encode(slug));
    }

    public URI section(String section) {
        return URI.create(baseUrl + "/sections/" + PathSegments.encode(section));
    }

    public URI tag(String tag) {
        return URI.create(baseUrl + "/tags/" + PathSegments.encode(tag));
    }
}
