package dev.newsroom.feed.render;

import static dev.newsroom.feed.render.ItemText.date;
import static dev.newsroom.feed.render.ItemText.text;
import static dev.newsroom.feed.render.ItemText.url;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jsoup.nodes.Entities;

import com.rometools.modules.atom.modules.AtomLinkModule;
import com.rometools.modules.atom.modules.AtomLinkModuleImpl;
import com.rometools.rome.feed.module.DCModuleImpl;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.rss.Category;
import com.rometools.rome.feed.rss.Channel;
import com.rometools.rome.feed.rss.Content;
import com.rometools.rome.feed.rss.Description;
import com.rometools.rome.feed.rss.Enclosure;
import com.rometools.rome.feed.rss.Guid;
import com.rometools.rome.feed.rss.Image;
import com.rometools.rome.feed.rss.Item;

/**
 * Writes RSS 2.0 following the RSS Advisory Board's best-practices profile, with Rome: content:encoded, dc:creator,
 * Media RSS, and atom:link for self, WebSub hub and RFC 5005 paging.
 */
final class RssFeedWriter {

    static final String GENERATOR = "Newsroom feed-service";
    private static final String DOCS = "https://www.rssboard.org/rss-specification";

    byte[] write(FeedPage page) {
        Channel channel = new Channel("rss_2.0");
        channel.setTitle(text(page.title()));
        channel.setLink(url(page.alternate()));
        // description is required in RSS 2.0; an empty one is valid
        channel.setDescription(page.description() == null ? "" : text(page.description()));
        channel.setLanguage(text(page.language()));
        // optional in RSS 2.0: a feed with nothing in it has no date to give
        if (page.updated() != null) {
            channel.setLastBuildDate(date(page.updated()));
        }
        channel.setDocs(DOCS);
        channel.setGenerator(GENERATOR);
        if (page.icon() != null) {
            // RSS 2.0: the image's title and link should be the channel's, as readers show it as the channel's link
            Image image = new Image();
            image.setUrl(url(page.icon()));
            image.setTitle(channel.getTitle());
            image.setLink(channel.getLink());
            channel.setImage(image);
        }

        AtomLinkModule links = new AtomLinkModuleImpl();
        links.setLinks(PageLinks.of(page, FeedFormat.RSS.mediaType()));
        channel.setModules(new ArrayList<>(List.of(links)));

        List<Item> items = new ArrayList<>(page.items().size());
        for (FeedItem item : page.items()) {
            items.add(item(item, page.language()));
        }
        channel.setItems(items);
        return XmlDocumentWriter.bytes(XmlDocumentWriter.tree(channel));
    }

    private static Item item(FeedItem source, String feedLanguage) {
        Item item = new Item();
        item.setTitle(text(source.title()));
        item.setLink(url(source.link()));
        Guid guid = new Guid();
        guid.setPermaLink(false);
        guid.setValue(text(source.id()));
        item.setGuid(guid);
        item.setPubDate(date(source.published()));

        if (source.summary() != null) {
            // RSS readers render description as HTML: escape the plain-text summary so it shows as written
            Description description = new Description();
            description.setValue(Entities.escape(text(source.summary())));
            item.setDescription(description);
        }
        String html = ItemText.contentHtml(source);
        if (html != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(html);
            item.setContent(content);
        }

        item.setCategories(ItemText.categories(source).stream().map(RssFeedWriter::category)
                .collect(Collectors.toCollection(ArrayList::new)));

        List<Module> modules = new ArrayList<>();
        List<String> authors = ItemText.names(source.authors());
        String language = text(source.language());
        boolean ownLanguage = language != null && !language.equals(feedLanguage);
        if (!authors.isEmpty() || ownLanguage) {
            DCModuleImpl dc = new DCModuleImpl();
            dc.setCreators(authors);
            if (ownLanguage) {
                dc.setLanguage(language);
            }
            modules.add(dc);
        }
        FeedImage image = source.image();
        if (image != null) {
            // RSS 2.0 makes an enclosure's type mandatory: without one, Media RSS alone carries the image
            if (image.mimeType() != null) {
                Enclosure enclosure = new Enclosure();
                enclosure.setUrl(image.url().toASCIIString());
                enclosure.setLength(Math.max(0, image.length()));
                enclosure.setType(text(image.mimeType()));
                item.setEnclosures(new ArrayList<>(List.of(enclosure)));
            }
            modules.add(MediaRss.content(image));
        }
        item.setModules(modules);
        return item;
    }

    private static Category category(String value) {
        Category category = new Category();
        category.setValue(value);
        return category;
    }
}
