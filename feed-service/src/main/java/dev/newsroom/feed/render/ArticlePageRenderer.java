package dev.newsroom.feed.render;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.DocumentType;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;

/**
 * Renders the public page of a published article as a small, accessible HTML5 document. It is built as a jsoup
 * tree, never by pasting strings, so every value from the article is escaped; the body is cleaned once more.
 */
public final class ArticlePageRenderer {

    /** Primary language subtags written right to left, for the dir attribute. */
    private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "arc", "ckb", "dv", "fa", "he", "iw", "ps", "sd",
            "ug", "ur", "yi");

    private static final DateTimeFormatter READABLE =
            DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH).withZone(ZoneOffset.UTC);

    private static final String STYLE = """
            body{margin:0;background:#fdfdfc;color:#1b1b1b;font:1.125rem/1.65 Georgia,"Times New Roman",serif}
            .skip-link{position:absolute;left:-10000px;top:auto}
            .skip-link:focus{left:1rem;top:1rem;z-index:1;padding:.5rem 1rem;background:#1b1b1b;color:#fff}
            .site{max-width:42rem;margin:0 auto;padding:1rem 1.25rem 0;font:600 1rem/1.4 system-ui,sans-serif}
            main{max-width:42rem;margin:0 auto;padding:0 1.25rem 3rem}
            h1{font-size:2.1rem;line-height:1.2;margin:.5rem 0}
            .section,.meta,figcaption,.tags{font:.9rem/1.5 system-ui,sans-serif;color:#4a4a4a}
            .summary{font-size:1.25rem;color:#333}
            figure{margin:1.5rem 0}
            img{max-width:100%;height:auto}
            .correction{border-left:4px solid #b35900;background:#fff4e8;padding:.75rem 1rem}
            a{color:#0b57a4}
            a:focus{outline:3px solid #f5a623;outline-offset:2px}
            """;

    public String render(ArticlePage page) {
        Objects.requireNonNull(page, "page");
        String canonical = page.canonical().toASCIIString();
        String language = text(page.language()) == null || text(page.language()).isBlank()
                ? "en" : text(page.language()).strip();

        Document document = Document.createShell(canonical);
        document.outputSettings()
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base)
                .prettyPrint(true)
                .indentAmount(2);
        document.prependChild(new DocumentType("html", "", ""));
        Element html = document.selectFirst("html");
        html.attr("lang", language);
        if (RIGHT_TO_LEFT.contains(language.split("-", 2)[0].toLowerCase(Locale.ROOT))) {
            html.attr("dir", "rtl");
        }

        head(document.head(), page, canonical);
        body(document.body(), page, canonical);
        return document.outerHtml();
    }

    private static void head(Element head, ArticlePage page, String canonical) {
        head.appendElement("meta").attr("charset", "utf-8");
        head.appendElement("meta").attr("name", "viewport").attr("content", "width=device-width, initial-scale=1");
        String siteName = text(page.siteName());
        String title = hasText(siteName) ? text(page.headline()) + " – " + siteName : text(page.headline());
        head.appendElement("title").text(title);
        if (hasText(page.summary())) {
            head.appendElement("meta").attr("name", "description").attr("content", text(page.summary()));
        }
        head.appendElement("link").attr("rel", "canonical").attr("href", canonical);
        head.appendElement("style").appendChild(new DataNode(STYLE));
    }

    private static void body(Element body, ArticlePage page, String canonical) {
        body.appendElement("a").addClass("skip-link").attr("href", "#content").text("Skip to content");
        if (hasText(page.siteName())) {
            body.appendElement("header").addClass("site").appendElement("p").text(text(page.siteName()));
        }
        Element article = body.appendElement("main").id("content").appendElement("article");

        Element header = article.appendElement("header");
        if (hasText(page.section())) {
            header.appendElement("p").addClass("section").text(text(page.section()));
        }
        header.appendElement("h1").text(text(page.headline()));
        if (hasText(page.summary())) {
            header.appendElement("p").addClass("summary").text(text(page.summary()));
        }
        meta(header, page);

        if (hasText(page.correction())) {
            Element note = SafeHtml.correctionNote(text(page.correction()));
            note.attr("role", "note");
            article.appendChild(note);
        }
        if (page.image() != null && safeUrl(page.image().url()) != null) {
            article.appendChild(figure(page.image()));
        }
        Element bodyContent = article.appendElement("div").addClass("body");
        for (Node node : List.copyOf(SafeHtml.clean(page.bodyHtml(), canonical).body().childNodes())) {
            bodyContent.appendChild(node);
        }
        tags(article, page.tags());
        related(article, page.related());
    }

    private static void meta(Element header, ArticlePage page) {
        Element meta = header.appendElement("p").addClass("meta");
        List<String> authors = ItemText.names(page.authors());
        if (!authors.isEmpty()) {
            meta.appendText("By " + String.join(", ", authors));
        }
        if (page.published() != null) {
            separate(meta);
            meta.appendText("Published ");
            time(meta, page.published());
        }
        if (page.updated() != null && page.published() != null
                && page.updated().truncatedTo(ChronoUnit.MINUTES).isAfter(page.published().truncatedTo(ChronoUnit.MINUTES))) {
            separate(meta);
            meta.appendText("Updated ");
            time(meta, page.updated());
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

    private static void time(Element parent, Instant instant) {
        parent.appendElement("time")
                .attr("datetime", ItemText.rfc3339(instant))
                .text(READABLE.format(instant));
    }

    private static Element figure(FeedImage image) {
        Element figure = new Element("figure");
        String caption = text(image.caption());
        String credit = text(image.credit());
        Element img = figure.appendElement("img")
                .attr("src", safeUrl(image.url()))
                .attr("alt", hasText(caption) ? caption.strip() : "");
        if (image.width() > 0 && image.height() > 0) {
            img.attr("width", Integer.toString(image.width())).attr("height", Integer.toString(image.height()));
        }
        if (hasText(caption) || hasText(credit)) {
            Element figcaption = figure.appendElement("figcaption");
            if (hasText(caption)) {
                figcaption.appendText(caption.strip());
            }
            if (hasText(credit)) {
                if (hasText(caption)) {
                    figcaption.appendText(" ");
                }
                figcaption.appendElement("span").addClass("credit").text("Photo: " + credit.strip());
            }
        }
        return figure;
    }

    private static void tags(Element article, List<String> tags) {
        List<String> names = ItemText.names(tags);
        if (names.isEmpty()) {
            return;
        }
        Element paragraph = article.appendElement("p").addClass("tags");
        paragraph.appendText("Tags: " + String.join(", ", names));
    }

    private static void related(Element article, List<ArticlePage.Link> related) {
        List<ArticlePage.Link> links = related.stream().filter(link -> safeUrl(link.url()) != null).toList();
        if (links.isEmpty()) {
            return;
        }
        Element nav = article.appendElement("nav").addClass("related").attr("aria-labelledby", "read-also");
        nav.appendElement("h2").id("read-also").text("Read also");
        Element list = nav.appendElement("ul");
        for (ArticlePage.Link link : links) {
            list.appendElement("li").appendElement("a").attr("href", safeUrl(link.url())).text(text(link.title()));
        }
    }

    /** http(s) or a relative reference, as ASCII; anything else (javascript:, data:, ...) is not linked at all. */
    private static String safeUrl(URI uri) {
        if (uri == null) {
            return null;
        }
        String scheme = uri.getScheme();
        if (scheme == null || scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https")) {
            return uri.toASCIIString();
        }
        return null;
    }

    private static String text(String value) {
        return XmlCharacters.strip(value);
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }
}
