package dev.newsroom.page;

import java.net.URI;
import java.util.Objects;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Renders the page a person gets instead of a story that is not there (404) or no longer there (410). */
public final class NoticePageRenderer {

    /** A page titled title saying message, with the way back to the front page; search engines do not index it. */
    public String render(Site site, String title, String message, URI address) {
        Objects.requireNonNull(site, "site");
        Document document = PageShell.document(site, title + " – " + site.name(), null, null,
                address == null ? site.home() : address, null);
        document.head().selectFirst("link[rel=canonical]").remove();
        PageShell.headElement(document, "meta").attr("name", "robots").attr("content", "noindex");
        Element notice = PageShell.main(document).appendElement("div").addClass("notice");
        notice.appendElement("h1").text(title);
        notice.appendElement("p").text(message);
        notice.appendElement("p").appendElement("a").attr("href", site.home().toASCIIString())
                .text("Go to the front page");
        return PageShell.html(document);
    }
}
