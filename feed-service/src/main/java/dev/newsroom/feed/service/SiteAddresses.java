package dev.newsroom.feed.service;

import java.net.URI;
import java.util.List;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.page.Site;
import jakarta.enterprise.context.ApplicationScoped;

import lombok.RequiredArgsConstructor;

/** Where the readers' pages are: the site's base URL (the publisher's own site when configured) and the feeds'. */
@RequiredArgsConstructor
@ApplicationScoped
public class SiteAddresses {

    private final FeedConfig config;

    public Site site(List<String> sections) {
        return new Site(config.title(), config.siteBaseUrl().orElse(config.publicBaseUrl()), config.publicBaseUrl(),
                sections);
    }

    /** The page a feed's channel link leads to: the front page, or the section's or tag's page. */
    public URI page(FeedScope scope) {
        Site site = site(List.of());
        return switch (scope.kind()) {
            case ALL -> site.home();
            case SECTION -> site.section(scope.value());
            case TAG -> site.tag(scope.value());
        };
    }
}
