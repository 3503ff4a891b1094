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

    private final FeedConfig config;
    private final SectionNames sectionNames;
    private final URI icon;

    /** Reads the section names and the icon once, so a malformed one stops the start with its reason. */
    public SiteAddresses(FeedConfig config, SiteConfig site) {
        this.config = config;
        this.sectionNames = SectionNames.parse(site.sectionNames().orElse(List.of()));
        this.icon = site.icon().map(SiteAddresses::checkedIcon).orElse(null);
    }

    private static URI checkedIcon(URI icon) {
        if (!icon.isAbsolute() || !List.of("http", "https").contains(icon.getScheme()) || icon.getHost() == null) {
            throw new IllegalArgumentException("newsroom.site.icon '" + icon
                    + "' is not an absolute http or https URL (as https://newsroom.example/icon.png)");
        }
        return icon;
    }

    public Site site(List<String> sections) {
        return new Site(config.title(), config.siteBaseUrl().orElse(config.publicBaseUrl()), config.publicBaseUrl(),
                sections, sectionNames, icon);
    }

    /** The newsroom's own icon, which feeds carry; null when none is configured. */
    public URI icon() {
        return icon;
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

    /** The title of a feed: the site's name, with the section's name or the tag. */
    public String feedTitle(FeedScope scope) {
        Site site = site(List.of());
        return switch (scope.kind()) {
            case ALL -> site.name();
            case SECTION -> site.sectionTitle(scope.value());
            case TAG -> site.tagTitle(scope.value());
        };
    }
}
