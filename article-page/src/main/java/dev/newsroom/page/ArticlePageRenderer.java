package dev.newsroom.page;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;

/**
 * Renders the public page of an article from its snapshot and its lead photo's asset: the story, its photo with
 * caption and credit, links to its section and tags, and what sharing and news search read (canonical URL, Open
 * Graph, Twitter card, schema.org NewsArticle). The public site and the desk's preview both use it; it is
 * thread-safe and holds no state.
 */
public final class ArticlePageRenderer {

    /** The lead photo spans the article column (42rem) on wide screens and the viewport on phones. */
    private static final String LEAD_SIZES = "(min-width: 44.5rem) 42rem, calc(100vw - 2.5rem)";

    /**
     * The page of article on site. leadAsset is the media asset of article's lead image (null when it has none or it
     * is unknown); the body is cleaned again here even though article-service sanitized it.
     */
    public String render(ArticleSnapshot article, MediaAssetSnapshot leadAsset, Site site) {
        Objects.requireNonNull(article, "article");
        Objects.requireNonNull(site, "site");
        String headline = Objects.requireNonNullElse(PageText.clean(article.headline()), "");
        URI canonical = article.slug() == null ? site.home() : site.article(article.slug());
        LeadImage image = LeadImage.of(article, leadAsset).orElse(null);
        String summary = PageText.clean(article.summary());

        Document document = PageShell.document(site, headline + " – " + site.name(), summary, article.language(),
                canonical, article.section());
        sharing(document, article, headline, summary, canonical, image, site);
        String section = PageText.clean(article.section());
        PageShell.alternates(document, site.feeds());
        if (section != null) {
            PageShell.alternates(document, site.sectionFeeds(section));
        }
        PageShell.headElement(document, "script").attr("type", "application/ld+json")
                .appendChild(new DataNode(JsonLd.newsArticle(article, image, canonical, site)));

        Element main = PageShell.main(document);
        Element body = main.appendElement("article").addClass("article");
        Element header = body.appendElement("header");
        if (section != null) {
            header.appendElement("p").addClass("kicker").appendElement("a")
                    .attr("href", site.section(section).toASCIIString()).text(site.sectionName(section));
        }
        header.appendElement("h1").text(headline);
        if (summary != null) {
            header.appendElement("p").addClass("summary").text(summary);
        }
        byline(header, article, site.timeZone());

        String correction = PageText.clean(article.correction());
        if (correction != null) {
            body.appendChild(SafeHtml.correctionNote(correction).attr("role", "note"));
        }
        if (image != null) {
            body.appendChild(figure(image));
        }
        Element content = body.appendElement("div").addClass("body");
        for (Node node : List.copyOf(SafeHtml.clean(article.body(), canonical.toASCIIString()).body().childNodes())) {
            content.appendChild(node);
        }
        for (Element inline : content.select("img")) {
            inline.attr("loading", "lazy");
        }
        topics(body, article, site);
        related(body, article.related());
        return PageShell.html(document);
    }

    private static void sharing(Document document, ArticleSnapshot article, String headline, String summary,
            URI canonical, LeadImage image, Site site) {
        property(document, "og:type", "article");
        property(document, "og:site_name", site.name());
        property(document, "og:title", headline);
        property(document, "og:url", canonical.toASCIIString());
        if (summary != null) {
            property(document, "og:description", summary);
        }
        if (image != null) {
            Rendition large = image.main();
            property(document, "og:image", large.url().toASCIIString());
            if (large.width() > 0 && large.height() > 0) {
                property(document, "og:image:width", Integer.toString(large.width()));
                property(document, "og:image:height", Integer.toString(large.height()));
            }
            if (image.alt() != null) {
                property(document, "og:image:alt", image.alt());
            }
        }
        if (article.firstPublishedAt() != null) {
            property(document, "article:published_time", Dates.rfc3339(article.firstPublishedAt()));
        }
        if (article.updatedAt() != null) {
            property(document, "article:modified_time", Dates.rfc3339(article.updatedAt()));
        }
        if (PageText.clean(article.section()) != null) {
            property(document, "article:section", site.sectionName(article.section()));
        }
        for (String tag : PageText.names(article.tags())) {
            property(document, "article:tag", tag);
        }
        name(document, "twitter:card", image != null ? "summary_large_image" : "summary");
        name(document, "twitter:title", headline);
        if (summary != null) {
            name(document, "twitter:description", summary);
        }
        if (image != null) {
            name(document, "twitter:image", image.main().url().toASCIIString());
            if (image.alt() != null) {
                name(document, "twitter:image:alt", image.alt());
            }
        }
    }

    private static void property(Document document, String property, String content) {
        PageShell.headElement(document, "meta").attr("property", property).attr("content", content);
    }

    private static void name(Document document, String name, String content) {
        PageShell.headElement(document, "meta").attr("name", name).attr("content", content);
    }

    private static void byline(Element header, ArticleSnapshot article, ZoneId zone) {
        Element meta = header.appendElement("p").addClass("byline");
        List<String> authors = PageText.names(article.authors() == null ? List.of()
                : article.authors().stream().filter(Objects::nonNull).map(ArticleSnapshot.Author::name).toList());
        if (!authors.isEmpty()) {
            meta.appendText("By " + String.join(", ", authors));
        }
        Instant published = article.firstPublishedAt();
        if (published != null) {
            separate(meta);
            meta.appendText("Published ");
            Dates.time(meta, published, zone);
        }
        Instant updated = article.updatedAt();
        if (updated != null && published != null
                && updated.truncatedTo(ChronoUnit.MINUTES).isAfter(published.truncatedTo(ChronoUnit.MINUTES))) {
            separate(meta);
            meta.appendText("Updated ");
            Dates.time(meta, updated, zone);
        }
        if (meta.childNodeSize() == 0) {
            meta.remove();
        }
    }

    private static void separate(Element meta) {
        if (meta.childNodeSize() > 0) {
            meta.appendText(" · ");
        }
    }

    /** The lead photo is above the fold: loaded eagerly, with its size reserved and every rendition offered. */
    private static Element figure(LeadImage image) {
        Element figure = new Element("figure").addClass("lead-photo");
        Rendition main = image.main();
        Element img = figure.appendElement("img").attr("src", main.url().toASCIIString())
                .attr("alt", Objects.requireNonNullElse(image.alt(), ""));
        String srcset = image.srcset();
        if (!srcset.isEmpty()) {
            img.attr("srcset", srcset).attr("sizes", LEAD_SIZES);
        }
        if (main.width() > 0 && main.height() > 0) {
            img.attr("width", Integer.toString(main.width())).attr("height", Integer.toString(main.height()));
        }
        if (image.caption() != null || image.credit() != null) {
            Element figcaption = figure.appendElement("figcaption");
            if (image.caption() != null) {
                figcaption.appendElement("span").addClass("caption").text(image.caption());
            }
            if (image.credit() != null) {
                figcaption.appendElement("span").addClass("credit").text("Photo: " + image.credit());
            }
        }
        return figure;
    }

    private static void topics(Element body, ArticleSnapshot article, Site site) {
        List<String> tags = PageText.names(article.tags());
        if (tags.isEmpty()) {
            return;
        }
        Element nav = body.appendElement("nav").addClass("topics").attr("aria-label", "Topics");
        nav.appendText("Topics: ");
        Element list = nav.appendElement("ul");
        for (String tag : tags) {
            list.appendElement("li").appendElement("a").attr("href", site.tag(tag).toASCIIString()).attr("rel", "tag")
                    .text(tag);
        }
    }

    private static void related(Element body, List<ArticleSnapshot.RelatedLink> related) {
        if (related == null) {
            return;
        }
        List<ArticleSnapshot.RelatedLink> links = related.stream()
                .filter(link -> link != null && PageText.clean(link.title()) != null && Urls.safe(link.url()) != null)
                .toList();
        if (links.isEmpty()) {
            return;
        }
        Element nav = body.appendElement("nav").addClass("related").attr("aria-labelledby", "read-also");
        nav.appendElement("h2").id("read-also").text("Read also");
        Element list = nav.appendElement("ul");
        for (ArticleSnapshot.RelatedLink link : links) {
            list.appendElement("li").appendElement("a").attr("href", Urls.safe(link.url()).toASCIIString())
                    .text(PageText.clean(link.title()));
        }
    }
}
