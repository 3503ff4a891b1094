package dev.newsroom.events.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

class BodyAllowListTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([a-z0-9]+)`\\s*\\|([^|]*)\\|$");

    @Test
    void isTheContractSubset() {
        assertThat(BodyAllowList.elements()).containsOnlyKeys("p", "br", "h2", "h3", "h4", "a", "em", "strong",
                "blockquote", "ul", "ol", "li", "figure", "figcaption", "img");
        assertThat(BodyAllowList.elements().get("a")).containsExactly("href");
        assertThat(BodyAllowList.elements().get("img")).containsExactlyInAnyOrder("src", "alt");
        BodyAllowList.elements().forEach((element, attributes) -> {
            if (!element.equals("a") && !element.equals("img")) {
                assertThat(attributes).as(element).isEmpty();
            }
        });
    }

    @Test
    void theSafelistKeepsExactlyTheList() {
        Safelist safelist = BodyAllowList.safelist();
        String dirty = "<p title=t>One <b>bold</b> <i>it</i><br><a href=\"https://example.com/\" title=x>link</a></p>"
                + "<blockquote cite=\"https://example.com/\">q</blockquote><h1>h</h1><h5>h</h5>"
                + "<img src=\"https://example.com/i.jpg\" alt=\"a\" width=\"1\" height=\"2\">"
                + "<a href=\"javascript:alert(1)\">x</a><img src=\"data:image/png;base64,AA\">";

        String clean = Jsoup.clean(dirty, "https://example.com/", safelist,
                new Document.OutputSettings().prettyPrint(false));

        assertThat(clean).isEqualTo("<p>One bold it<br><a href=\"https://example.com/\">link</a></p>"
                + "<blockquote>q</blockquote>hh<img src=\"https://example.com/i.jpg\" alt=\"a\"><a>x</a><img>");
    }

    @Test
    void eachCallGivesAnIndependentSafelist() {
        BodyAllowList.safelist().addTags("script");

        assertThat(Jsoup.clean("<script>x</script>", BodyAllowList.safelist())).isEmpty();
    }

    @Test
    void synonymsNameAllowedElementsThatAreNotInTheListThemselves() {
        assertThat(BodyAllowList.synonyms()).containsOnly(Map.entry("b", "strong"), Map.entry("i", "em"));
        BodyAllowList.synonyms().forEach((synonym, element) -> {
            assertThat(BodyAllowList.allows(element)).as(element).isTrue();
            assertThat(BodyAllowList.allows(synonym)).as(synonym).isFalse();
        });
    }

    @Test
    void theReadmeTableIsTheList() throws IOException {
        Map<String, Set<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(Path.of("README.md"))) {
            Matcher row = TABLE_ROW.matcher(line.strip());
            if (row.matches()) {
                documented.put(row.group(1), Arrays.stream(row.group(2).split(","))
                        .map(cell -> cell.replace("`", "").strip())
                        .filter(cell -> !cell.isEmpty())
                        .collect(Collectors.toSet()));
            }
        }

        assertThat(documented).as("events/README.md, section Article body HTML").isEqualTo(BodyAllowList.elements());
        assertThat(documented.keySet()).containsExactlyElementsOf(BodyAllowList.elements().keySet());
    }
}
