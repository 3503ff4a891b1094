package dev.newsroom.article.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xml.sax.InputSource;

import dev.newsroom.events.content.BodyAllowList;

/** Every hostile body in the corpus comes out safe, stable and well-formed, and its report names the removal. */
class HostileBodyTest {

    private static final String MEDIA = "http://localhost:8082/media/";
    private static final BodySanitizer SANITIZER = new BodySanitizer(MEDIA);

    private static final List<String> NEVER_IN_OUTPUT = List.of(
            "<script", "<style", "<iframe", "<svg", "<math", "<object", "<embed", "<form", "<base", "<meta", "<link",
            "<noscript", "<template", "<textarea", "<!--", "<![cdata", "<?");
    private static final Pattern HANDLER_IN_TAG = Pattern.compile("<[^>]*[\\s/\"']on[a-z]+\\s*=",
            Pattern.CASE_INSENSITIVE);

    static List<HostileInputs.Body> bodies() {
        return HostileInputs.bodies();
    }

    static List<HostileInputs.Body> sanitizableBodies() {
        return bodies().stream().filter(body -> !body.tooLarge()).toList();
    }

    @Test
    void corpusHasAtLeastEightyVectors() {
        assertThat(bodies()).hasSizeGreaterThanOrEqualTo(80);
        assertThat(bodies()).extracting(HostileInputs.Body::name).doesNotHaveDuplicates();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void hostileBodyComesOutSafe(HostileInputs.Body vector) throws Exception {
        String input = vector.input();
        if (vector.tooLarge()) {
            assertThat(BodySanitizer.checkSize("body", input)).as("size check").isPresent();
            assertThatThrownBy(() -> SANITIZER.sanitize(input)).isInstanceOf(IllegalArgumentException.class);
            return;
        }
        assertThat(BodySanitizer.checkSize("body", input)).as("size check").isEmpty();
        // Generous: it only has to catch quadratic blow-ups, which take minutes on a 1 MB body.
        SanitizedHtml result = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> SANITIZER.sanitize(input));
        String html = result.html();

        String lower = html.toLowerCase(Locale.ROOT);
        for (String forbidden : NEVER_IN_OUTPUT) {
            assertThat(lower).as("raw output").doesNotContain(forbidden);
        }
        assertThat(HANDLER_IN_TAG.matcher(html).find()).as("event handler attribute in " + abbreviated(html)).isFalse();

        for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
            if (element.normalName().equals("body")) {
                continue;
            }
            assertThat(BodyAllowList.allows(element.normalName())).as("<%s> in output", element.normalName()).isTrue();
            for (Attribute attribute : element.attributes()) {
                assertAllowed(element.normalName(), attribute);
            }
        }

        assertWellFormedXml(html);

        // Parsing can make a body bigger than its input (re-opened formatting elements); such output is rejected
        // by the size check before it could be stored or sanitized again.
        if (BodySanitizer.checkSize("body", html).isEmpty()) {
            SanitizedHtml again = SANITIZER.sanitize(html);
            assertThat(again.html()).as("sanitizing the output again changes it").isEqualTo(html);
            assertThat(again.removed()).as("sanitizing the output again removes something").isEmpty();
        } else {
            assertThat(html.length()).as("output refused by the size check only because parsing made it larger")
                    .isGreaterThan(input.length());
        }

        if (vector.reported() != null) {
            assertThat(result.removed()).as("removal report").anySatisfy(line -> assertThat(line)
                    .contains(vector.reported()));
        }
    }

    @Test
    void reportIsNonEmptyWheneverMarkupWasDropped() {
        List<String> dropping = new ArrayList<>();
        List<String> unreported = new ArrayList<>();
        for (HostileInputs.Body vector : sanitizableBodies()) {
            SanitizedHtml result = SANITIZER.sanitize(vector.input());
            long tagsIn = Jsoup.parseBodyFragment(vector.input()).body().getAllElements().size();
            long tagsOut = Jsoup.parseBodyFragment(result.html()).body().getAllElements().size();
            if (tagsOut < tagsIn) {
                dropping.add(vector.name());
                if (result.removed().isEmpty()) {
                    unreported.add(vector.name());
                }
            }
        }

        // Most of the corpus drops markup; were it none, this test would prove nothing.
        assertThat(dropping).as("vectors whose markup is dropped").hasSizeGreaterThan(sanitizableBodies().size() / 2);
        assertThat(unreported).as("vectors that lost markup with an empty report").isEmpty();
    }

    private static void assertAllowed(String element, Attribute attribute) {
        String key = attribute.getKey();
        String value = attribute.getValue();
        String compact = value.replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        switch (element + "[" + key + "]") {
            case "a[href]" -> assertThat(compact).as("link").matches("(https?://[^/?#\\\\].*|mailto:.+)");
            case "img[src]" -> {
                assertThat(value).as("image").matches("(" + Pattern.quote(MEDIA) + "|/media/).+");
                assertThat(value).as("image").doesNotContain("..", "%", "\\", "?", "//", "\n");
            }
            case "img[alt]" -> {
            }
            default -> throw new AssertionError("attribute " + key + " on <" + element + "> in output");
        }
    }

    private static void assertWellFormedXml(String html) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.newDocumentBuilder().parse(new InputSource(new StringReader("<div>" + html + "</div>")));
    }

    private static String abbreviated(String html) {
        return html.length() > 300 ? html.substring(0, 300) + "..." : html;
    }
}
