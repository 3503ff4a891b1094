package dev.newsroom.page;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * The public site pages belong to: its name, the base URL every page address is built on and the one feeds are
 * served from (no trailing slash), the sections its navigation lists (in {@link SectionNames}' order), the names
 * readers see for them, the newsroom's own icon (null: the site's default, {@link SiteIcon}), and the newsroom's time
 * zone, in which pages tell readers when a story was published (null: UTC).
 */
public record Site(String name, String baseUrl, String feedBaseUrl, List<String> sections, SectionNames sectionNames,
        URI icon, ZoneId timeZone) {

    private static final ZoneId UTC = ZoneId.of("UTC");

    /** The feed formats every listing has, as autodiscovery links name them. */
    private static final List<String[]> FEED_FORMATS = List.of(
            new String[] {"application/rss+xml", "RSS", "rss.xml"},
            new String[] {"application/atom+xml", "Atom", "atom.xml"},
            new String[] {"application/feed+json", "JSON Feed", "feed.json"});

    public Site {
        Objects.requireNonNull(name, "name");
        baseUrl = withoutTrailingSlash(Objects.requireNonNull(baseUrl, "baseUrl"));
        feedBaseUrl = withoutTrailingSlash(feedBaseUrl == null ? baseUrl : feedBaseUrl);
        sectionNames = sectionNames == null ? SectionNames.DEFAULT : sectionNames;
        sections = sectionNames.inNavigationOrder(PageText.names(sections));
        timeZone = timeZone == null ? UTC : timeZone;
    }

    /** A site whose feeds are served from its own base URL, with the default icon, in UTC. */
    public Site(String name, String baseUrl, List<String> sections, SectionNames sectionNames) {
        this(name, baseUrl, baseUrl, sections, sectionNames, null, null);
    }

    /** The name readers see for a section (see {@link SectionNames}). */
    public String sectionName(String section) {
        return sectionNames.name(section);
    }

    /** A feed of the site: its media type, format name (RSS, Atom, JSON Feed), a title for people, and where. */
    public record Feed(String type, String format, String title, URI href) {
    }

    /** RSS, Atom and JSON Feed of everything. */
    public List<Feed> feeds() {
        return feeds("/feeds/", name);
    }

    /** RSS, Atom and JSON Feed of one section. */
    public List<Feed> sectionFeeds(String section) {
        return feeds("/feeds/sections/" + PathSegments.encode(section) + "/", sectionTitle(section));
    }

    /** RSS, Atom and JSON Feed of one tag. */
    public List<Feed> tagFeeds(String tag) {
        return feeds("/feeds/tags/" + PathSegments.encode(tag) + "/", tagTitle(tag));
    }

    /** What a section's feeds are called, as "Newsroom: Politics". */
    public String sectionTitle(String section) {
        return name + ": " + sectionName(section);
    }

    /** What a tag's feeds are called, as "Newsroom: #elections". */
    public String tagTitle(String tag) {
        return name + ": #" + tag;
    }

    private List<Feed> feeds(String path, String title) {
        return FEED_FORMATS.stream()
                .map(format -> new Feed(format[0], format[1], title + " (" + format[1] + ")",
                        URI.create(feedBaseUrl + path + format[2])))
                .toList();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
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
