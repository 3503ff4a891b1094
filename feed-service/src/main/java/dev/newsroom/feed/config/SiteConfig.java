package dev.newsroom.feed.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The readers' site: how many stories a listing page shows, and how many addresses one sitemap file holds. */
@ConfigMapping(prefix = "newsroom.site")
public interface SiteConfig {

    /** Stories per page of the front page, a section page or a tag page. */
    @WithDefault("20")
    int pageSize();

    /** Addresses per archive sitemap file (the protocol allows up to 50,000); a busier month gets more pages. */
    @WithDefault("10000")
    int sitemapPageSize();

    /** Stories the news sitemap lists at most (news search engines read up to 1,000). */
    @WithDefault("1000")
    int newsSitemapSize();
}
