package dev.newsroom.page;

import java.nio.charset.StandardCharsets;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import dev.newsroom.events.content.BodyAllowList;
import dev.newsroom.events.content.XmlCharacters;

/**
 * Cleans article HTML down to the event contract's {@link BodyAllowList}, as defence in depth: article-service
 * sanitizes to the same list on input, and this second pass makes sure that a bug, a bypass or an old row upstream
 * never puts a script, a style, an event handler or a javascript: URL in front of a reader.
 */
public final class SafeHtml {

    /** Read-only after construction, so sharing it across threads is safe. */
    private static final Safelist BODY = BodyAllowList.safelist();

    private SafeHtml() {
    }

    /**
     * The cleaned body as a document whose body holds the safe nodes. Relative URLs are made absolute against
     * baseUri (feed readers cannot resolve them); any URL with another scheme loses its attribute.
     */
    public static Document clean(String html, String baseUri) {
        Document dirty = Jsoup.parseBodyFragment(XmlCharacters.strip(html == null ? "" : html), baseUri);
        Document clean = new Cleaner(BODY).clean(dirty);
        clean.outputSettings()
                .prettyPrint(false)
                .charset(StandardCharsets.UTF_8)
                .escapeMode(Entities.EscapeMode.base);
        return clean;
    }

    /** The HTML a feed entry carries: the visible correction note first (when there is one), then the clean body. */
    public static String entryHtml(String bodyHtml, String correction, String baseUri) {
        Document clean = clean(bodyHtml, baseUri);
        String note = XmlCharacters.strip(correction);
        if (note != null && !note.isBlank()) {
            clean.body().prependChild(correctionNote(note));
        }
        return clean.body().html();
    }

    /** A paragraph saying what was corrected; the note is plain text and is escaped as such. */
    public static Element correctionNote(String correction) {
        Element note = new Element("p").addClass("correction");
        note.appendElement("strong").text("Correction:");
        note.appendText(" " + correction.strip());
        return note;
    }
}
