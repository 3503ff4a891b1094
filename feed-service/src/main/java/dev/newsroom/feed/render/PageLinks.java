package dev.newsroom.feed.render;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.rometools.rome.feed.atom.Link;

/** The links of a feed page as Atom and RSS (as atom:link) both carry them: self, hub, first, previous and next. */
final class PageLinks {

    private PageLinks() {
    }

    /** {@code mediaType} is the type of the page's own format, given on every link but the hub's. */
    static List<Link> of(FeedPage page, String mediaType) {
        List<Link> links = new ArrayList<>();
        links.add(link("self", page.self(), mediaType));
        if (page.hub() != null) {
            links.add(link("hub", page.hub(), null));
        }
        if (page.first() != null) {
            links.add(link("first", page.first(), mediaType));
        }
        if (page.previous() != null) {
            links.add(link("previous", page.previous(), mediaType));
        }
        if (page.next() != null) {
            links.add(link("next", page.next(), mediaType));
        }
        return links;
    }

    static Link link(String rel, URI href, String type) {
        Link link = new Link();
        link.setRel(rel);
        link.setHref(href.toASCIIString());
        link.setType(type);
        return link;
    }
}
