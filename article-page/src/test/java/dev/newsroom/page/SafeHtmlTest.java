package dev.newsroom.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.content.BodyAllowList;

class SafeHtmlTest {

    private static final String BASE = "https://news.example/articles/a";

    @Test
    void keepsEveryElementAndAttributeOfTheContractList() {
        BodyAllowList.elements().forEach((name, attributes) -> {
            Element element = new Element(name);
            attributes.forEach(attribute -> element.attr(attribute, "https://media.example/media/1/large"));
            if (!name.equals("br") && !name.equals("img")) {
                element.text("text");
            }

            Element kept = SafeHtml.clean(element.outerHtml(), BASE).body().child(0);

            assertThat(kept.normalName()).isEqualTo(name);
            assertThat(kept.attributes().asList()).as(name).extracting(attribute -> attribute.getKey())
                    .containsExactlyInAnyOrderElementsOf(attributes);
        });
    }

    @Test
    void removesWhatArticleServiceWouldRefuseAlthoughABrowserWouldRenderIt() {
        String body = "<p><b>bold</b> <i>italic</i> <a href=\"https://example.com/\" title=\"t\">link</a></p>"
                + "<blockquote cite=\"https://example.com/\">quote</blockquote>"
                + "<img src=\"https://media.example/media/1/large\" alt=\"a\" width=\"10\" height=\"20\">";

        String clean = SafeHtml.clean(body, BASE).body().html();

        assertThat(clean).isEqualTo("<p>bold italic <a href=\"https://example.com/\">link</a></p>"
                + "<blockquote>quote</blockquote><img src=\"https://media.example/media/1/large\" alt=\"a\">");
    }

    @Test
    void stripsDelAndC1ControlsAsArticleServiceRefusesThem() {
        String clean = SafeHtml.clean("<p>caf\u00E9\u0085 \u007Fprice \u0080100</p>", BASE).body().html();

        assertThat(clean).isEqualTo("<p>caf\u00E9 price 100</p>");
    }
}
