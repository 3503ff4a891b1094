package dev.newsroom.feed.render;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.jdom2.Document;
import org.jdom2.output.Format;
import org.jdom2.output.LineSeparator;
import org.jdom2.output.XMLOutputter;

import com.rometools.rome.feed.WireFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;

/** Builds a feed's JDOM tree with Rome and serializes it to UTF-8 bytes the same way on every machine. */
final class XmlDocumentWriter {

    /** Stateless once its generators are loaded; Rome builds a fresh tree per call. */
    private static final WireFeedOutput ROME = new WireFeedOutput();

    private XmlDocumentWriter() {
    }

    /** Rome's tree of an RSS channel or Atom feed, for changes Rome's model cannot make before it is serialized. */
    static Document tree(WireFeed feed) {
        try {
            return ROME.outputJDom(feed);
        } catch (FeedException e) {
            throw new IllegalStateException("Rome refused a " + feed.getFeedType() + " feed built from a valid page", e);
        }
    }

    static byte[] bytes(Document document) {
        // Indent element-only content but leave every text node exactly as given (TRIM_FULL_WHITE), so titles and
        // HTML bodies keep their whitespace; "\n" rather than JDOM's default CRLF keeps bytes platform-independent.
        // JDOM escapes every supplementary character by default; UTF-8 carries them, so emoji stay readable text
        // (lone surrogates, the one thing that could not be encoded, were stripped before the tree was built).
        Format format = Format.getPrettyFormat()
                .setTextMode(Format.TextMode.TRIM_FULL_WHITE)
                .setIndent("  ")
                .setLineSeparator(LineSeparator.NL)
                .setEncoding(StandardCharsets.UTF_8.name())
                // after setEncoding, which resets it
                .setEscapeStrategy(character -> false);
        ByteArrayOutputStream out = new ByteArrayOutputStream(16 * 1024);
        try {
            new XMLOutputter(format).output(document, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
