package dev.newsroom.feed.render;

import java.io.ByteArrayInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import javax.xml.XMLConstants;
import javax.xml.namespace.NamespaceContext;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathExpressionException;
import javax.xml.xpath.XPathFactory;

import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;

/**
 * Reads rendered feeds the way a strict consumer would: UTF-8 that must decode cleanly, a namespace-aware JAXP
 * parser that refuses DTDs and treats every warning as an error, XPath with the feeds' namespaces, and Rome.
 */
public final class StrictXml {

    static final Map<String, String> NAMESPACES = Map.ofEntries(
            Map.entry("atom", "http://www.w3.org/2005/Atom"),
            Map.entry("content", "http://purl.org/rss/1.0/modules/content/"),
            Map.entry("dc", "http://purl.org/dc/elements/1.1/"),
            Map.entry("media", "http://search.yahoo.com/mrss/"),
            Map.entry("at", "http://purl.org/atompub/tombstones/1.0"),
            Map.entry("sm", "http://www.sitemaps.org/schemas/sitemap/0.9"),
            Map.entry("news", "http://www.google.com/schemas/sitemap-news/0.9"),
            Map.entry("xml", XMLConstants.XML_NS_URI));

    private final Document document;
    private final XPath xpath;

    private StrictXml(Document document) {
        this.document = document;
        this.xpath = XPathFactory.newInstance().newXPath();
        this.xpath.setNamespaceContext(new NamespaceContext() {
            @Override
            public String getNamespaceURI(String prefix) {
                return NAMESPACES.getOrDefault(prefix, XMLConstants.NULL_NS_URI);
            }

            @Override
            public String getPrefix(String namespaceUri) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Iterator<String> getPrefixes(String namespaceUri) {
                throw new UnsupportedOperationException();
            }
        });
    }

    public static StrictXml parse(byte[] bytes) throws Exception {
        strictUtf8(bytes);
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        factory.setXIncludeAware(false);
        factory.setExpandEntityReferences(false);
        DocumentBuilder builder = factory.newDocumentBuilder();
        builder.setErrorHandler(new ErrorHandler() {
            @Override
            public void warning(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void error(SAXParseException e) throws SAXParseException {
                throw e;
            }

            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
                throw e;
            }
        });
        return new StrictXml(builder.parse(new ByteArrayInputStream(bytes)));
    }

    public static SyndFeed rome(byte[] bytes) throws Exception {
        return new SyndFeedInput().build(new InputSource(new ByteArrayInputStream(bytes)));
    }

    /** Fails on any malformed UTF-8 sequence, which a lone surrogate would produce. */
    public static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }

    public String text(String expression) throws XPathExpressionException {
        return (String) xpath.evaluate(expression, document, XPathConstants.STRING);
    }

    public int count(String expression) throws XPathExpressionException {
        return ((NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET)).getLength();
    }

    public List<String> texts(String expression) throws XPathExpressionException {
        NodeList nodes = (NodeList) xpath.evaluate(expression, document, XPathConstants.NODESET);
        return IntStream.range(0, nodes.getLength())
                .mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }

    public Document document() {
        return document;
    }
}
