package dev.newsroom.desk.story;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.newsroom.desk.config.DeskConfig;
import dev.newsroom.page.SectionNames;
import dev.newsroom.page.Site;
import io.quarkus.runtime.Startup;

/** The readers' site as the desk shows it (preview, section names, times), read once from configuration. */
@Startup
@ApplicationScoped
public class PublicSite {

    private final Site site;

    /** A malformed section name stops the start with its reason, as it does feed-service's. */
    public PublicSite(DeskConfig config) {
        site = new Site(config.siteName(), config.siteUrl(), null, List.of(),
                SectionNames.parse(config.sectionNames().orElse(List.of())), null, config.timeZone());
    }

    public Site site() {
        return site;
    }
}
