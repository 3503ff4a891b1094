package dev.newsroom.feed.render;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import dev.newsroom.events.content.XmlCharacters;
import dev.newsroom.page.Dates;

/**
 * Writes sitemaps (sitemaps.org 0.9): the index of sitemap files, an archive file of story addresses, and the news
 * sitemap (Google News extension) of the latest stories. StAX escapes every value.
 */
public final class SitemapWriter {

    private static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    /**
     * One address with the latest change behind it (null when unknown): a sitemap file the index lists, or a story
     * of an archive sitemap.
     */
    public record Location(URI location, Instant lastModified) {
    }

    /** One story of the news sitemap. */
    public record NewsEntry(URI location, Instant published, String title, String language) {
    }

    public byte[] index(List<Location> sitemaps) {
        return locations("sitemapindex", "sitemap", sitemaps);
    }

    public byte[] archive(List<Location> stories) {
        return locations("urlset", "url", stories);
    }

    private static byte[] locations(String root, String child, List<Location> locations) {
        return write(xml -> {
            xml.writeStartElement(root);
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (Location location : locations) {
                xml.writeStartElement(child);
                element(xml, "loc", location.location().toASCIIString());
                if (location.lastModified() != null) {
                    element(xml, "lastmod", Dates.rfc3339(location.lastModified()));
                }
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    public byte[] news(String publication, List<NewsEntry> entries) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("news", NEWS_NS);
            for (NewsEntry entry : entries) {
                xml.writeStartElement("url");
                element(xml, "loc", entry.location().toASCIIString());
                xml.writeStartElement("news", "news", NEWS_NS);
                xml.writeStartElement("news", "publication", NEWS_NS);
                newsElement(xml, "name", XmlCharacters.strip(publication));
                newsElement(xml, "language", language(entry.language()));
                xml.writeEndElement();
                newsElement(xml, "publication_date", Dates.rfc3339(entry.published()));
                newsElement(xml, "title", XmlCharacters.strip(entry.title() == null ? "" : entry.title()).strip());
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** ISO 639 as news search engines read it: the primary subtag, except zh-cn and zh-tw. */
    static String language(String bcp47) {
        String tag = bcp47 == null || bcp47.isBlank() ? "en" : bcp47.strip().toLowerCase(Locale.ROOT);
        if (tag.startsWith("zh-tw") || tag.startsWith("zh-hant")) {
            return "zh-tw";
        }
        if (tag.startsWith("zh")) {
            return "zh-cn";
        }
        return tag.split("-", 2)[0];
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static byte[] write(Body body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML into memory failed", e);
        }
        return out.toByteArray();
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static void newsElement(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement("news", name, NEWS_NS);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }
}
