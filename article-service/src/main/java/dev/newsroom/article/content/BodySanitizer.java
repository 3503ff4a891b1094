package dev.newsroom.article.content;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import dev.newsroom.events.content.BodyAllowList;
import dev.newsroom.events.content.XmlCharacters;

/**
 * Cleans an article body down to the event contract's {@link BodyAllowList} and tells the editor what it removed.
 *
 * <p>jsoup parses the body as a browser would (the WHATWG algorithm), an inspection pass reports and marks what
 * the allow-list ({@link BodyPolicy}) rejects, and jsoup's {@link Cleaner}, asking the same allow-list, copies
 * only what it accepts, and the result is re-parsed until stable. The output is XHTML-compatible HTML (void
 * elements closed, only XML's entities), so feeds can embed it as HTML or as XML.
 * Thread-safe: one instance serves all requests.
 */
public final class BodySanitizer {

    /** Bodies larger than this (UTF-8 bytes) are rejected by the caller, before and after sanitizing. */
    public static final int MAX_BODY_BYTES = 1_000_000;
    /**
     * Most start tags a body may have. HTML parsing re-opens up to 12 unclosed formatting elements for every new
     * run of text, so a megabyte of tags can become millions of elements (measured: 0.96 MB gave 1.5 million
     * elements, over 512 MB of heap, 19 s and 25 MB of output). At 10,000 the worst case measured fits a 64 MB
     * heap in about 1.5 s, and a long feature, even pasted from a word processor, has a few thousand.
     */
    public static final int MAX_BODY_TAGS = 10_000;

    /** Elements whose content is code, a foreign document or form state, never article text: dropped whole. */
    private static final Set<String> DROPPED_WITH_CONTENT = Set.of(
            "script", "style", "template", "head", "title", "iframe", "frame", "frameset", "object", "embed",
            "applet", "portal", "fencedframe", "noscript", "noembed", "noframes", "xmp", "svg", "math", "canvas",
            "audio", "video", "picture", "select", "datalist", "textarea");
    /** Same meaning under the allowed name, so nothing is lost and nothing is reported. */
    private static final Map<String, String> SYNONYMS = BodyAllowList.synonyms();
    /** h1 is the headline's level; the body's headings start at h2 and the contract stops at h4. */
    private static final Map<String, String> HEADINGS = Map.of("h1", "h2", "h5", "h4", "h6", "h4");
    /** Not in the allow-list, so the Cleaner drops the element and keeps its children. */
    private static final String UNWRAPPED = "newsroom-unwrapped";
    private static final int MAX_REPARSES = 3;
    private static final Pattern PAGE_LEVEL_TAG =
            Pattern.compile("<(html|head|body|frameset|frame)(?=[\\s/>])", Pattern.CASE_INSENSITIVE);

    private final BodyPolicy policy;
    private final Cleaner cleaner;

    /** @param mediaBaseUrl where media-service serves images, e.g. {@code http://localhost:8082/media/} */
    public BodySanitizer(String mediaBaseUrl) {
        this.policy = new BodyPolicy(mediaBaseUrl);
        this.cleaner = new Cleaner(policy);
    }

    /**
     * The problem with a body's size, to check before {@link #sanitize}: over {@value #MAX_BODY_BYTES} bytes of
     * UTF-8 or over {@value #MAX_BODY_TAGS} start tags. Check the sanitized html too: parsing can make it larger.
     */
    public static Optional<TextProblem> checkSize(String field, String html) {
        if (html == null) {
            return Optional.empty();
        }
        long bytes = utf8Length(html);
        if (bytes > MAX_BODY_BYTES) {
            return Optional.of(new TextProblem(field,
                    "is " + bytes + " bytes long in UTF-8; at most " + MAX_BODY_BYTES + " are allowed"));
        }
        int tags = countTags(html);
        if (tags > MAX_BODY_TAGS) {
            return Optional.of(new TextProblem(field, "has " + tags + " tags; at most " + MAX_BODY_TAGS
                    + " are allowed (simplify the markup, e.g. paste the text without formatting)"));
        }
        return Optional.empty();
    }

    /** Whether a body is over {@link #MAX_BODY_BYTES} in UTF-8, counted without encoding it. */
    public static boolean isTooLarge(String html) {
        return html != null && html.length() > MAX_BODY_BYTES / 4 && utf8Length(html) > MAX_BODY_BYTES;
    }

    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    /** Start tags as the HTML tokenizer sees them ("<" and a letter): end tags re-open no formatting elements. */
    private static int countTags(String html) {
        int tags = 0;
        for (int i = html.indexOf('<'); i >= 0 && i + 1 < html.length(); i = html.indexOf('<', i + 1)) {
            if (isAsciiLetter(html.charAt(i + 1))) {
                tags++;
            }
        }
        return tags;
    }

    /**
     * The body reduced to the allowed subset; {@code null} or empty gives an empty body.
     *
     * @throws IllegalArgumentException when {@link #checkSize} finds a problem: check first to answer with a 4xx
     */
    public SanitizedHtml sanitize(String html) {
        if (html == null || html.isEmpty()) {
            return new SanitizedHtml("", List.of());
        }
        Optional<TextProblem> size = checkSize("body", html);
        if (size.isPresent()) {
            throw new IllegalArgumentException(size.get().field() + " " + size.get().reason());
        }
        RemovalReport report = new RemovalReport();
        reportTagsTheParserDrops(html, report);
        Document dirty = Jsoup.parseBodyFragment(withoutUnstorableCharacters(html, report));
        NodeTraversor.traverse(new Inspection(report), dirty.body());
        String clean = serialize(cleaner.clean(dirty));
        // Unwrapping can leave allowed elements nested as the parser never would (a link inside a link, once a
        // table between them is gone); a browser re-parsing that builds another tree than the one checked
        // (mutation XSS). Re-parse until the output is what parsing it gives back, unless it is too large to be
        // stored anyway: it is safe either way, since every pass keeps only what the allow-list accepts.
        for (int pass = 0; pass < MAX_REPARSES && !isTooLarge(clean); pass++) {
            String again = serialize(cleaner.clean(Jsoup.parseBodyFragment(clean)));
            if (again.equals(clean)) {
                break;
            }
            clean = again;
        }
        return new SanitizedHtml(clean, report.items());
    }

    private static String serialize(Document document) {
        document.outputSettings()
                .prettyPrint(false)
                .syntax(Document.OutputSettings.Syntax.xml)
                .escapeMode(Entities.EscapeMode.xhtml)
                .charset(StandardCharsets.UTF_8);
        return document.body().html();
    }

    /**
     * A body is parsed as the content of {@code <body>}, where the parser ignores {@code <html>}, {@code <head>},
     * {@code <body>} and frame tags, attributes included ({@code <body onload=...>}), and a tag the input ends in:
     * say so rather than lose them silently.
     */
    private static void reportTagsTheParserDrops(String html, RemovalReport report) {
        Matcher tag = PAGE_LEVEL_TAG.matcher(html);
        while (tag.find()) {
            report.add("removed <" + tag.group(1).toLowerCase(Locale.ROOT) + "> tag");
        }
        // A start tag cut off by the end of the input is dropped by the parser (HTML: "eof-in-tag"), attributes too.
        int lastOpen = html.lastIndexOf('<');
        if (lastOpen >= 0 && lastOpen + 1 < html.length() && isAsciiLetter(html.charAt(lastOpen + 1))
                && html.indexOf('>', lastOpen) < 0) {
            report.add("removed unfinished tag at the end");
        }
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Characters XML 1.0 cannot carry would break every feed the article appears in. */
    private static String withoutUnstorableCharacters(String html, RemovalReport report) {
        int first = XmlCharacters.indexOfDisallowed(html);
        if (first < 0) {
            return html;
        }
        StringBuilder kept = new StringBuilder(html.length()).append(html, 0, first);
        for (int i = first; i < html.length(); ) {
            int codePoint = html.codePointAt(i);
            if (XmlCharacters.isAllowed(codePoint)) {
                kept.appendCodePoint(codePoint);
            } else {
                report.add("removed " + XmlCharacters.describe(codePoint) + ", which cannot be stored");
            }
            i += Character.charCount(codePoint);
        }
        return kept.toString();
    }

    /**
     * Reports what the allow-list rejects and prepares the tree for the Cleaner: renames synonyms, empties
     * elements dropped with their content, marks links and images to drop. It never detaches nodes: removing
     * siblings one by one re-indexes the rest each time, which is quadratic on a hostile body.
     */
    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    private final class Inspection implements NodeVisitor {

        private final RemovalReport report;

        @Override
        public void head(Node node, int depth) {
            if (depth == 0) {
                return; // the <body> the fragment was parsed into
            }
            if (node instanceof Element element) {
                inspect(element);
            } else if (node instanceof TextNode text) {
                // Character references such as &#1; decode to characters the raw text check never saw.
                String whole = text.getWholeText();
                if (XmlCharacters.indexOfDisallowed(whole) >= 0) {
                    text.text(withoutUnstorableCharacters(whole, report));
                }
            } else if (node instanceof Comment) {
                report.add("removed HTML comment");
            } else {
                report.add("removed " + node.nodeName().replace("#", "").replace('-', ' '));
            }
        }

        private void inspect(Element element) {
            String name = element.normalName();
            if (SYNONYMS.containsKey(name)) {
                name = SYNONYMS.get(name);
                element.tagName(name);
            } else if (HEADINGS.containsKey(name)) {
                String level = HEADINGS.get(name);
                report.add("changed <" + name + "> to <" + level + ">");
                name = level;
                element.tagName(name);
            }
            if (!policy.isSafeTag(name)) {
                String shown = RemovalReport.name(name);
                if (DROPPED_WITH_CONTENT.contains(name)) {
                    report.add("removed <" + shown + "> element");
                    element.empty();
                } else if (element.childNodeSize() == 0) {
                    report.add("removed <" + shown + "> element");
                } else {
                    report.add("removed <" + shown + "> tag, kept its content");
                }
                return;
            }
            for (Attribute attribute : new ArrayList<>(element.attributes().asList())) {
                if (!isUrlAttribute(name, attribute.getKey()) && !policy.isSafeAttribute(name, element, attribute)) {
                    report.add("removed attribute " + RemovalReport.name(attribute.getKey()) + " from <" + name + ">");
                } else if (XmlCharacters.indexOfDisallowed(attribute.getValue()) >= 0) {
                    element.attr(attribute.getKey(), withoutUnstorableCharacters(attribute.getValue(), report));
                }
            }
            if (name.equals("a")) {
                inspectLink(element);
            } else if (name.equals("img")) {
                inspectImage(element);
            }
        }

        private void inspectLink(Element link) {
            String href = Links.asBrowserReadsIt(link.attr("href"));
            Optional<String> problem = Links.bodyLinkProblem(href);
            if (problem.isPresent()) {
                report.add("removed link with " + problem.get() + ", kept its text");
                link.tagName(UNWRAPPED);
            } else {
                link.attr("href", href);
            }
        }

        private void inspectImage(Element image) {
            String src = Links.asBrowserReadsIt(image.attr("src"));
            if (src.isEmpty()) {
                report.add("removed <img> without src");
                image.tagName(UNWRAPPED);
            } else if (!policy.isMediaUrl(src)) {
                report.add("removed <img> not served by this platform's media service (upload the image to it)");
                image.tagName(UNWRAPPED);
            } else {
                image.attr("src", src);
            }
        }

        private boolean isUrlAttribute(String element, String attribute) {
            return element.equals("a") && attribute.equals("href") || element.equals("img") && attribute.equals("src");
        }
    }
}
