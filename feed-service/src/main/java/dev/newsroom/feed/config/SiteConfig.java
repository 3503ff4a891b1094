package dev.newsroom.feed.config;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The readers' site: how many stories a listing page shows, how many addresses one sitemap file holds, what its
 * sections are called, its icon, and the time zone of the times it shows.
 */
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

    /**
     * The names readers see for sections, as {@code us-news=US news,travel=Travel & leisure} (a comma inside a name
     * escaped by a backslash), which lead the navigation in that order; a section without one is shown as stored with
     * a capital first letter.
     */
    Optional<List<String>> sectionNames();

    /**
     * The newsroom's square icon (PNG or JPEG, 512 px or more; an absolute http or https URL), which pages link to and
     * feeds carry for feed readers to show; unset, pages show the initial of the site's name and feeds carry none.
     */
    Optional<URI> icon();

    /**
     * The newsroom's time zone (an IANA name such as {@code America/New_York}), in which pages tell readers when a
     * story was published; feeds, sitemaps and page metadata keep UTC, which machines read.
     */
    @WithDefault("UTC")
    ZoneId timeZone();
}
