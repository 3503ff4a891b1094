package dev.newsroom.page;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The frame every public page shares: head with one stylesheet, skip link, masthead with the sections, main, footer.
 * Pages are built as jsoup trees, never by pasting strings, so every value from a story is escaped.
 */
public final class PageShell {

    /** Primary language subtags written right to left, for the dir attribute. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd",
            "ug", "ur", "yi");

    /** The one stylesheet, inline so a page is one request; the CSP allows exactly this text by its hash. */
    static final String STYLE = """
            *,*::before,*::after{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%}
            body{margin:0;background:#fff;color:#1a1a1a;font:1rem/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
            overflow-wrap:break-word}
            a{color:inherit}
            a:focus-visible{outline:3px solid #f5a623;outline-offset:2px}
            .skip-link{position:absolute;left:-10000px;top:auto}
            .skip-link:focus{left:1rem;top:1rem;z-index:1;padding:.5rem 1rem;background:#1a1a1a;color:#fff}
            .masthead{border-bottom:1px solid #d9d9d9}
            .masthead-inner{max-width:64rem;margin:0 auto;padding:1rem 1.25rem .25rem;text-align:center}
            .site-name{display:inline-block;font:700 2.2rem/1.1 Georgia,"Times New Roman",serif;letter-spacing:-.02em;text-decoration:none}
            .sections{margin:.75rem 0 0;overflow-x:auto;white-space:nowrap}
            .sections ul{display:inline-flex;gap:1.25rem;margin:0;padding:0 0 .5rem;list-style:none}
            .sections a{font-size:.95rem;text-decoration:none;color:#333;padding:.25rem 0;border-bottom:2px solid transparent}
            .sections a:hover,.sections a[aria-current]{border-bottom-color:#1a1a1a;color:#1a1a1a}
            main{max-width:64rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
            main:focus{outline:0}
            .page-title{font:700 1.9rem/1.2 Georgia,"Times New Roman",serif;margin:0 0 .25rem}
            .page-intro{color:#555;margin:0 0 1.5rem}
            .stories{list-style:none;margin:0;padding:0}
            .story{display:flex;gap:1rem;justify-content:space-between;padding:1.1rem 0;border-top:1px solid #e6e6e6}
            .story:first-child{border-top:0;padding-top:0}
            .story-text{flex:1;min-width:0}
            .story h2{font:700 1.3rem/1.25 Georgia,"Times New Roman",serif;margin:.15rem 0 .35rem}
            .story h2 a{text-decoration:none}
            .story h2 a:hover{text-decoration:underline}
            .story p{margin:0 0 .4rem;color:#333}
            .story img{flex:none;width:9rem;height:6rem;object-fit:cover;background:#eee}
            .lead-story h2{font-size:1.9rem}
            .lead-story img{width:22rem;height:14.5rem}
            .kicker,.meta,.byline{font-size:.85rem;color:#555}
            .kicker a{color:#a11d21;font-weight:600;text-decoration:none;text-transform:uppercase;letter-spacing:.04em}
            .pager{display:flex;justify-content:space-between;margin-top:2rem;padding-top:1rem;border-top:1px solid #d9d9d9}
            .pager a{font-weight:600}
            .feeds{font-size:.85rem;color:#555;margin-top:1.5rem}
            .article{max-width:42rem;margin:0 auto}
            .article h1{font:700 2.2rem/1.15 Georgia,"Times New Roman",serif;margin:.35rem 0 .6rem}
            .summary{font:1.25rem/1.45 Georgia,"Times New Roman",serif;color:#333;margin:0 0 .75rem}
            .body{font:1.15rem/1.7 Georgia,"Times New Roman",serif}
            .body a{color:#0b57a4}
            .body img{max-width:100%;height:auto}
            figure{margin:1.5rem 0}
            .lead-photo img{display:block;width:100%;height:auto;background:#eee}
            figcaption{font-size:.85rem;color:#555;margin-top:.4rem}
            .caption{margin-right:.35rem}
            .credit{color:#767676;text-transform:uppercase;font-size:.75rem;letter-spacing:.03em}
            .correction{border-left:4px solid #b35900;background:#fff4e8;padding:.75rem 1rem;font-size:1rem}
            .topics{margin:2rem 0 0;padding:1rem 0 0;border-top:1px solid #e6e6e6;font-size:.9rem}
            .topics ul{display:inline;margin:0;padding:0;list-style:none}
            .topics li{display:inline-block;margin:.25rem .4rem .25rem 0}
            .topics li a{display:inline-block;padding:.15rem .6rem;border:1px solid #ccc;border-radius:1rem;text-decoration:none}
            .related h2{font:700 1.2rem/1.3 Georgia,"Times New Roman",serif}
            .notice{max-width:42rem;margin:3rem auto;text-align:center}
            .notice h1{font:700 2.2rem/1.2 Georgia,"Times New Roman",serif}
            footer{border-top:1px solid #d9d9d9;color:#555;font-size:.85rem}
            .footer-inner{max-width:64rem;margin:0 auto;padding:1.25rem}
            @media (max-width:40rem){.story img,.lead-story img{width:6.5rem;height:4.5rem}.lead-story h2{font-size:1.4rem}
            .article h1{font-size:1.75rem}.site-name{font-size:1.8rem}.story{gap:.75rem}}
            """;

    /**
     * What a browser may do on a public page: nothing but this stylesheet and images. JSON-LD is a data block, which
     * browsers never execute, so script-src 'none' does not affect it.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src '" + sha256(STYLE)
            + "'; img-src 'self' https: http:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private PageShell() {
    }

    /**
     * An empty page: head with title, description (may be null) and canonical link; body with masthead and an empty
     * main#content. currentSection (may be null) is marked in the navigation.
     */
    public static Document document(Site site, String title, String description, String language, URI canonical,
            String currentSection) {
        String lang = PageText.clean(language) == null ? "en" : PageText.clean(language);
        Document document = Document.createShell(canonical.toASCIIString());
        document.outputSettings()
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base)
                .prettyPrint(false);
        document.prependChild(new DocumentType("html", "", ""));
        Element html = document.selectFirst("html");
        html.attr("lang", lang);
        if (RIGHT_TO_LEFT.contains(lang.split("-", 2)[0].toLowerCase(Locale.ROOT))) {
            html.attr("dir", "rtl");
        }

        Element head = document.head();
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        head.appendElement("title").text(PageText.clean(title) == null ? site.name() : PageText.clean(title));
        if (PageText.clean(description) != null) {
            head.appendElement("meta").attr("name", "description").attr("content", PageText.clean(description));
        }
        head.appendElement("link").attr("rel", "canonical").attr("href", canonical.toASCIIString());
        Element icon = head.appendElement("link").attr("rel", "icon").attr("href", SiteIcon.of(site).toASCIIString());
        if (site.icon() == null) {
            icon.attr("type", "image/svg+xml");
        } else {
            // phones' home screens take a raster icon from here; an SVG one they would not show
            head.appendElement("link").attr("rel", "apple-touch-icon").attr("href", site.icon().toASCIIString());
        }
        head.appendElement("style").appendChild(new DataNode(STYLE));

        Element body = document.body();
        body.appendElement("a").addClass("skip-link").attr("href", "#content").text("Skip to content");
        Element masthead = body.appendElement("header").addClass("masthead").appendElement("div")
                .addClass("masthead-inner");
        masthead.appendElement("a").addClass("site-name").attr("href", site.home().toASCIIString()).text(site.name());
        if (!site.sections().isEmpty()) {
            Element list = masthead.appendElement("nav").addClass("sections").attr("aria-label", "Sections")
                    .appendElement("ul");
            for (String section : site.sections()) {
                Element link = list.appendElement("li").appendElement("a")
                        .attr("href", site.section(section).toASCIIString()).text(site.sectionName(section));
                if (section.equals(PageText.clean(currentSection))) {
                    link.attr("aria-current", "page");
                }
            }
        }
        // focusable by the skip link only (not a Tab stop), so focus, not just the view, moves to the content
        body.appendElement("main").id("content").attr("tabindex", "-1");
        body.appendElement("footer").appendElement("div").addClass("footer-inner")
                .appendElement("p").text("© " + site.name());
        return document;
    }

    /** The page's main element, where its content goes. */
    public static Element main(Document document) {
        return document.getElementById("content");
    }

    /** Adds a head element (meta, link, script data block) after the ones the shell wrote, before the style. */
    static Element headElement(Document document, String tag) {
        Element element = new Element(tag);
        document.head().selectFirst("style").before(element);
        return element;
    }

    /** Adds links rel=alternate to feeds, so a feed reader given the page's address finds them. */
    public static void alternates(Document document, List<Site.Feed> feeds) {
        for (Site.Feed feed : feeds) {
            headElement(document, "link").attr("rel", "alternate").attr("type", feed.type())
                    .attr("title", feed.title()).attr("href", feed.href().toASCIIString());
        }
    }

    /** The page as HTML text. */
    public static String html(Document document) {
        return document.outerHtml();
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
