package dev.newsroom.article.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.newsroom.events.content.BodyAllowList;

class BodySanitizerTest {

    private final BodySanitizer sanitizer = new BodySanitizer("http://localhost:8082/media/");

    @ParameterizedTest
    @ValueSource(strings = {
        "<p>Hello <em>world</em></p>",
        "<h2>Two</h2><h3>Three</h3><h4>Four</h4>",
        "<p><strong>Bold</strong> and <a href=\"https://example.com/a?b=1&amp;c=2#d\">a link</a></p>",
        "<p><a href=\"http://example.com\">plain http</a> <a href=\"mailto:desk@example.com\">mail</a></p>",
        "<blockquote><p>Quoted</p></blockquote>",
        "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>",
        "<figure><img src=\"http://localhost:8082/media/3f2a/large\" alt=\"A cat\" /><figcaption>Cat</figcaption></figure>",
        "<p><img src=\"/media/3f2a-77/thumb\" alt=\"\" /></p>",
        "<p>line<br />break</p>",
        "<p>Zürich – „Anführung“ 日本 📰 &lt;tag&gt; &amp; \"quotes\" 'single'</p>",
        "Text without a paragraph",
    })
    void allowedMarkupSurvivesExactly(String html) {
        SanitizedHtml result = sanitizer.sanitize(html);

        assertThat(result.html()).isEqualTo(html);
        assertThat(result.removed()).isEmpty();
        assertThat(result.changed()).as("result.changed()").isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void noBodyIsAnEmptyBody(String html) {
        assertThat(sanitizer.sanitize(html)).isEqualTo(new SanitizedHtml("", List.of()));
    }

    @Test
    void equivalentSpellingsAreWrittenOneWayWithoutReport() {
        assertSanitized("<P>a<b>bold</b><i>it</i><br>&copy;&nbsp;x<img src='/media/a/b'></P>",
                "<p>a<strong>bold</strong><em>it</em><br />©&#xa0;x<img src=\"/media/a/b\" /></p>");
    }

    @Test
    void reportsAttributesAndElements() {
        assertSanitized("<p onclick=\"steal()\">Hi</p><script>alert(1)</script>",
                "<p>Hi</p>",
                "removed attribute onclick from <p>", "removed <script> element");
    }

    @Test
    void dropsUnsafeLinksButKeepsTheirText() {
        assertSanitized("<p><a href=\"javascript:alert(1)\">one</a> <a href=\"/relative\">two</a> <a>three</a></p>",
                "<p>one two three</p>",
                "removed link with a javascript: URL, kept its text",
                "removed link with a relative URL (links must start with http://, https:// or mailto:), kept its text",
                "removed link with no URL, kept its text");
    }

    @Test
    void readsLinksAsABrowserWould() {
        assertSanitized("<a href=\"  https://example.com/\n path \">x</a>"
                + "<a href=\"java\tscript:alert(1)\">y</a>",
                "<a href=\"https://example.com/ path\">x</a>y",
                "removed link with a javascript: URL, kept its text");
    }

    @Test
    void keepsOnlyImagesOfThisPlatformsMediaService() {
        assertSanitized("<p><img src=\"http://localhost:8082/media/a/large\">"
                + "<img src=\"/media/b/thumb\" alt=\"b\">"
                + "<img src=\"https://elsewhere.example/c.jpg\">"
                + "<img src=\"http://localhost:8082/media/../q/health\">"
                + "<img src=\"http://localhost:8082/mediaplus/x\">"
                + "<img alt=\"no source\"></p>",
                "<p><img src=\"http://localhost:8082/media/a/large\" /><img src=\"/media/b/thumb\" alt=\"b\" /></p>",
                "removed <img> not served by this platform's media service (upload the image to it) (3 times)",
                "removed <img> without src");
    }

    @Test
    void acceptsAMediaBaseUrlWithoutTrailingSlash() {
        BodySanitizer withoutSlash = new BodySanitizer("https://cdn.example/media");

        assertThat(withoutSlash.sanitize("<img src=\"https://cdn.example/media/a/large\">").html())
                .isEqualTo("<img src=\"https://cdn.example/media/a/large\" />");
        assertThat(withoutSlash.sanitize("<img src=\"https://cdn.example/media-other/a\">").html()).isEmpty();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"/media/", "ftp://example.com/media/", "localhost:8082/media/", "http://x/m?q=1"})
    void refusesAnUnusableMediaBaseUrl(String baseUrl) {
        assertThatThrownBy(() -> new BodySanitizer(baseUrl)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("media base URL");
    }

    @Test
    void unwrapsUnknownElementsAndDropsCodeWithItsContent() {
        assertSanitized(
                "<div><span>a</span><span>b</span></div><iframe>fallback</iframe><style>p{}</style><!-- note -->",
                "ab",
                "removed <div> tag, kept its content",
                "removed <span> tag, kept its content (2 times)",
                "removed <iframe> element",
                "removed <style> element",
                "removed HTML comment");
    }

    @Test
    void moveHeadingsIntoTheAllowedRange() {
        assertSanitized("<h1>Top</h1><h5>Five</h5><h6>Six</h6>",
                "<h2>Top</h2><h4>Five</h4><h4>Six</h4>",
                "changed <h1> to <h2>", "changed <h5> to <h4>",
                "changed <h6> to <h4>");
    }

    @Test
    void removesCharactersXmlCannotCarryWhetherRawOrAsReferences() {
        assertSanitized("<p>a\u0000b\u0001c&#1;d&#xFFFE;e</p>",
                "<p>abcde</p>",
                "removed the control character U+0000, which cannot be stored",
                "removed the control character U+0001, which cannot be stored (2 times)",
                "removed the non-character U+FFFE, which cannot be stored");
    }

    @Test
    void removesDelAndC1ControlsAsFeedsStripThem() {
        assertSanitized("<p>a\u007Fb\u0085c</p>",
                "<p>abc</p>",
                "removed the control character U+007F, which cannot be stored",
                "removed the control character U+0085, which cannot be stored");
    }

    @Test
    void keepsEveryElementAndAttributeOfTheContractListAndNoOther() {
        BodyAllowList.elements().forEach((name, attributes) -> {
            Element element = new Element(name);
            attributes.forEach(attribute -> element.attr(attribute, "http://localhost:8082/media/3f2a/large"));
            element.attr("title", "t").attr("width", "1").attr("cite", "https://example.com/");
            if (!name.equals("br") && !name.equals("img")) {
                element.text("text");
            }

            Element kept = Jsoup.parseBodyFragment(sanitizer.sanitize(element.outerHtml()).html()).body().child(0);

            assertThat(kept.normalName()).isEqualTo(name);
            assertThat(kept.attributes().asList()).as(name).extracting(Attribute::getKey)
                    .containsExactlyInAnyOrderElementsOf(attributes);
        });
    }

    @Test
    void reportsPageLevelTagsTheParserIgnores() {
        assertSanitized("<html><body onload=\"alert(1)\"><p>x</p></body></html>",
                "<p>x</p>",
                "removed <html> tag", "removed <body> tag");
    }

    @Test
    void outputIsStableWhenUnwrappingWouldNestLinks() {
        SanitizedHtml result = sanitizer.sanitize(
                "<a href=\"https://a.example/\"><table><tr><td><a href=\"https://b.example/\">x</a></td></tr></table></a>");

        assertThat(result.html()).isEqualTo("<a href=\"https://a.example/\"></a><a href=\"https://b.example/\">x</a>");
        assertThat(sanitizer.sanitize(result.html()).html()).isEqualTo(result.html());
    }

    @Test
    void reportStaysShortWhateverTheBody() {
        String attributes = IntStream.range(0, 100).mapToObj(i -> " data-x" + i + "=\"1\"")
                .collect(Collectors.joining());

        SanitizedHtml result = sanitizer.sanitize("<p" + attributes + ">x</p>");

        assertThat(result.html()).isEqualTo("<p>x</p>");
        assertThat(result.removed()).hasSize(31).endsWith("and 70 other removals");
    }

    @Test
    void showsOnlyPrintableNamesInTheReport() {
        SanitizedHtml result = sanitizer.sanitize("<p a\u00e9\u202eb=\"1\">x</p>");

        assertThat(result.removed()).containsExactly("removed attribute a??b from <p>");
    }

    @Test
    void limitsBytesAndTagsBeforeSanitizing() {
        assertThat(BodySanitizer.checkSize("body", "<p>x</p>".repeat(BodySanitizer.MAX_BODY_TAGS))).isEmpty();
        assertThat(BodySanitizer.checkSize("body", "<p>x</p>".repeat(BodySanitizer.MAX_BODY_TAGS) + "<br>"))
                .contains(new TextProblem("body", "has 10001 tags; at most 10000 are allowed "
                        + "(simplify the markup, e.g. paste the text without formatting)"));
        assertThat(BodySanitizer.checkSize("body", "é".repeat(500_001)))
                .contains(new TextProblem("body", "is 1000002 bytes long in UTF-8; at most 1000000 are allowed"));
        assertThat(BodySanitizer.checkSize("body", "a < b and c <= d, " + "<!-- -->".repeat(30_000))).isEmpty();
        assertThatThrownBy(() -> sanitizer.sanitize("<br>".repeat(BodySanitizer.MAX_BODY_TAGS + 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at most 10000");
    }

    @Test
    void measuresBodySizeInUtf8Bytes() {
        assertThat(BodySanitizer.isTooLarge(null)).as("BodySanitizer.isTooLarge(null)").isFalse();
        assertThat(BodySanitizer.isTooLarge("a".repeat(BodySanitizer.MAX_BODY_BYTES)))
                .as("BodySanitizer.isTooLarge(\"a\".repeat(BodySanitizer.MAX_BODY_BYTES))").isFalse();
        assertThat(BodySanitizer.isTooLarge("a".repeat(BodySanitizer.MAX_BODY_BYTES + 1)))
                .as("BodySanitizer.isTooLarge(\"a\".repeat(BodySanitizer.MAX_BODY_BYTES + 1))").isTrue();
        assertThat(BodySanitizer.isTooLarge("é".repeat(500_000)))
                .as("BodySanitizer.isTooLarge(\"é\".repeat(500_000))").isFalse();
        assertThat(BodySanitizer.isTooLarge("é".repeat(500_001)))
                .as("BodySanitizer.isTooLarge(\"é\".repeat(500_001))").isTrue();
        assertThat(BodySanitizer.isTooLarge("€".repeat(333_334)))
                .as("BodySanitizer.isTooLarge(\"€\".repeat(333_334))").isTrue();
        assertThat(BodySanitizer.isTooLarge("📰".repeat(250_000)))
                .as("BodySanitizer.isTooLarge(\"📰\".repeat(250_000))").isFalse();
        assertThat(BodySanitizer.isTooLarge("📰".repeat(250_001)))
                .as("BodySanitizer.isTooLarge(\"📰\".repeat(250_001))").isTrue();
    }

    /** The body comes out as {@code html}, with exactly these lines in the editor's report. */
    private void assertSanitized(String input, String html, String... removed) {
        SanitizedHtml result = sanitizer.sanitize(input);

        assertThat(result.html()).isEqualTo(html);
        assertThat(result.removed()).containsExactly(removed);
    }
}
