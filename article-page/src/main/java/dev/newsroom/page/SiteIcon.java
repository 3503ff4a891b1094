package dev.newsroom.page;

import java.net.URI;
import java.util.Locale;

/**
 * The icon of a site that has none of its own: the initial of its name, white on the masthead's black, in the
 * masthead's typeface. SVG, so it needs no fonts or image code on the server; browsers draw it at any size.
 * Feeds carry only an icon the newsroom configured, since feed readers expect a raster image there.
 */
public final class SiteIcon {

    /** Where the default icon is served, under the feeds' base URL. */
    public static final String PATH = "/favicon.svg";

    private SiteIcon() {
    }

    /** The SVG document of the default icon for a site of this name. */
    public static String svg(String siteName) {
        String name = PageText.clean(siteName);
        String initial = name == null ? "" : name.substring(0, name.offsetByCodePoints(0, 1)).toUpperCase(Locale.ROOT)
                .replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
        return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\">"
                + "<rect width=\"32\" height=\"32\" rx=\"6\" fill=\"#1a1a1a\"/>"
                + "<text x=\"16\" y=\"24\" text-anchor=\"middle\" font-family=\"Georgia,'Times New Roman',serif\""
                + " font-weight=\"700\" font-size=\"22\" fill=\"#fff\">" + initial
                + "</text></svg>\n";
    }

    /** The icon a page links to: the newsroom's own, else the default one the feeds' host serves. */
    public static URI of(Site site) {
        return site.icon() != null ? site.icon() : URI.create(site.feedBaseUrl() + PATH);
    }
}
