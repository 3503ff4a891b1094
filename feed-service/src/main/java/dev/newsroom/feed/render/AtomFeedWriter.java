package dev.newsroom.feed.render;

import static dev.newsroom.feed.render.ItemText.date;
import static dev.newsroom.feed.render.ItemText.text;
import static dev.newsroom.feed.render.ItemText.url;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;

import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Generator;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndPerson;

/**
 * Writes Atom 1.0 (RFC 4287) with Rome, plus RFC 5005 paging links, a WebSub hub link, Media RSS for the lead image
 * and RFC 6721 tombstones. Rome's Atom model has no xml:lang, so the language is set on the JDOM tree Rome builds,
 * before it is serialized; tombstones go in through Rome's foreign-markup hook.
 */
final class AtomFeedWriter {

    static final Namespace TOMBSTONES = Namespace.getNamespace("at", "http://purl.org/atompub/tombstones/1.0");
    private static final Namespace ATOM = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    private static final String HTML_PAGE = "text/html";

    byte[] write(FeedPage page) {
        Feed feed = new Feed("atom_1.0");
        feed.setId(text(page.id()));
        feed.setTitleEx(textContent(page.title()));
        if (page.description() != null) {
            feed.setSubtitle(textContent(page.description()));
        }
        // RFC 4287 4.1.1: every feed has an updated
        feed.setUpdated(date(page.updatedOrBuilt()));
        Generator generator = new Generator();
        generator.setValue(RssFeedWriter.GENERATOR);
        feed.setGenerator(generator);
        if (page.icon() != null) {
            feed.setIcon(url(page.icon()));
        }
        feed.setAlternateLinks(new ArrayList<>(List.of(PageLinks.link("alternate", page.alternate(), HTML_PAGE))));
        feed.setOtherLinks(PageLinks.of(page, FeedFormat.ATOM.mediaType()));
        // RFC 4287 4.1.1: a feed needs an author unless every entry has one; the publication itself is the author
        if (page.items().stream().anyMatch(item -> ItemText.names(item.authors()).isEmpty())) {
            feed.setAuthors(persons(List.of(text(page.title()))));
        }
        feed.setForeignMarkup(tombstones(page.deleted()));

        List<Entry> entries = new ArrayList<>(page.items().size());
        for (FeedItem item : page.items()) {
            entries.add(entry(item));
        }
        feed.setEntries(entries);

        Document document = XmlDocumentWriter.tree(feed);
        addLanguages(document.getRootElement(), page);
        if (!page.deleted().isEmpty()) {
            document.getRootElement().addNamespaceDeclaration(TOMBSTONES);
        }
        return XmlDocumentWriter.bytes(document);
    }

    private static Entry entry(FeedItem item) {
        Entry entry = new Entry();
        entry.setId(text(item.id()));
        entry.setTitleEx(textContent(item.title()));
        entry.setPublished(date(item.published()));
        entry.setUpdated(date(item.updated()));
        entry.setAlternateLinks(new ArrayList<>(List.of(PageLinks.link("alternate", item.link(), HTML_PAGE))));
        if (item.summary() != null) {
            entry.setSummary(textContent(item.summary()));
        }
        String html = ItemText.contentHtml(item);
        if (html != null) {
            Content content = new Content();
            content.setType(Content.HTML);
            content.setValue(html);
            entry.setContents(new ArrayList<>(List.of(content)));
        }
        entry.setCategories(ItemText.categories(item).stream().map(AtomFeedWriter::category)
                .collect(Collectors.toCollection(ArrayList::new)));
        entry.setAuthors(persons(ItemText.names(item.authors())));

        List<Module> modules = new ArrayList<>();
        FeedImage image = item.image();
        if (image != null) {
            Link enclosure = PageLinks.link("enclosure", image.url(), text(image.mimeType()));
            enclosure.setLength(Math.max(0, image.length()));
            String caption = text(image.caption());
            if (caption != null && !caption.isBlank()) {
                enclosure.setTitle(caption);
            }
            entry.setOtherLinks(new ArrayList<>(List.of(enclosure)));
            modules.add(MediaRss.content(image));
        }
        entry.setModules(modules);
        return entry;
    }

    private static List<Element> tombstones(List<DeletedEntry> deleted) {
        List<Element> elements = new ArrayList<>(deleted.size());
        for (DeletedEntry entry : deleted) {
            Element tombstone = new Element("deleted-entry", TOMBSTONES);
            tombstone.setAttribute("ref", text(entry.id()));
            tombstone.setAttribute("when", ItemText.rfc3339(entry.when()));
            if (entry.link() != null) {
                Element link = new Element("link", ATOM);
                link.setAttribute("href", entry.link().toASCIIString());
                tombstone.addContent(link);
            }
            elements.add(tombstone);
        }
        return elements;
    }

    /** xml:lang on the feed, and on each entry whose language differs from the feed's (RFC 4287 2). */
    private static void addLanguages(Element feed, FeedPage page) {
        String feedLanguage = text(page.language());
        if (feedLanguage != null) {
            feed.setAttribute("lang", feedLanguage, Namespace.XML_NAMESPACE);
        }
        List<Element> entries = feed.getChildren("entry", ATOM);
        for (int i = 0; i < entries.size(); i++) {
            String language = text(page.items().get(i).language());
            if (language != null && !language.equals(feedLanguage)) {
                entries.get(i).setAttribute("lang", language, Namespace.XML_NAMESPACE);
            }
        }
    }

    private static Category category(String term) {
        Category category = new Category();
        category.setTerm(term);
        return category;
    }

    private static Content textContent(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(text(value));
        return content;
    }

    private static List<SyndPerson> persons(List<String> names) {
        List<SyndPerson> persons = new ArrayList<>(names.size());
        for (String name : names) {
            Person person = new Person();
            person.setName(name);
            persons.add(person);
        }
        return persons;
    }
}
