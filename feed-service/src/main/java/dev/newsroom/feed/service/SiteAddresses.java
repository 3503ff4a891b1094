package dev.newsroom.feed.service;

import java.net.URI;
import java.util.List;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.config.SiteConfig;
import dev.newsroom.page.SectionNames;
import dev.newsroom.page.Site;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the readers' pages are (the site's base URL, the publisher's own site when configured, and the feeds'), and
 * what the site and its feeds are called.
 */
@Startup
@ApplicationScoped
public class SiteAddresses {

    /** The site without its sections, built once: configuration does not change while the service runs. */
    private final Site site;

    /** Reads the section names and the icon once, so a malformed one stops the start with its reason. */
    public SiteAddresses(FeedConfig config, SiteConfig siteConfig) {
        this.site = new Site(config.title(), config.siteBaseUrl().orElse(config.publicBaseUrl()),
                config.publicBaseUrl(), List.of(), SectionNames.parse(siteConfig.sectionNames().orElse(List.of())),
                siteConfig.icon().map(SiteAddresses::checkedIcon).orElse(null), siteConfig.timeZone());
    }

    private static URI checkedIcon(URI icon) {
        if (!icon.isAbsolute() || !List.of("http", "https").contains(icon.getScheme()) || icon.getHost() == null) {
            throw new IllegalArgumentException("newsroom.site.icon '" + icon
                    + "' is not an absolute http or https URL (as https://newsroom.example/icon.png)");
        }
        return icon;
    }

    /** The site with the sections its navigation lists. */
    public Site site(List<String> sections) {
        return sections.isEmpty() ? site : new Site(site.name(), site.baseUrl(), site.feedBaseUrl(), sections,
                site.sectionNames(), site.icon(), site.timeZone());
    }

    /** The newsroom's own icon, which feeds carry; null when none is configured. */
    public URI icon() {
        return site.icon();
    }

    /** The page a feed's channel link leads to: the front page, or the section's or tag's page. */
    public URI page(FeedScope scope) {
        return switch (scope.kind()) {
            case ALL -> site.home();
            case SECTION -> site.section(scope.value());
            case TAG -> site.tag(scope.value());
        };
    }

    /** The title of a feed: the site's name, with the section's name or the tag. */
    public String feedTitle(FeedScope scope) {
        return switch (scope.kind()) {
            case ALL -> site.name();
            case SECTION -> site.sectionTitle(scope.value());
            case TAG -> site.tagTitle(scope.value());
        };
    }
}
