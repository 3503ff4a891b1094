package dev.newsroom.page;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class SiteIconTest {

    private static String initial(String siteName) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        org.w3c.dom.Document svg = factory.newDocumentBuilder().parse(
                new ByteArrayInputStream(SiteIcon.svg(siteName).getBytes(StandardCharsets.UTF_8)));
        assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return svg.getElementsByTagNameNS("http://www.w3.org/2000/svg", "text").item(0).getTextContent();
    }

    @Test
    void theDefaultIconIsTheInitialOfTheSitesNameInWellFormedSvg() throws Exception {
        assertThat(initial("Newsroom")).isEqualTo("N");
        assertThat(initial("élan du matin")).isEqualTo("É");
        assertThat(initial("&Co news")).isEqualTo("&");
        assertThat(initial("<b>")).isEqualTo("<");
        assertThat(initial("𝔑ews")).isEqualTo("𝔑");
    }

    @Test
    void aPageLinksTheDefaultIconUnlessTheNewsroomHasOneOfItsOwn() {
        Document plain = Jsoup.parse(new ListPageRenderer().render(Fixtures.listing(true), Fixtures.SITE));
        assertThat(plain.selectFirst("link[rel=icon]").attr("href")).isEqualTo("https://news.example.org/favicon.svg");
        assertThat(plain.selectFirst("link[rel=icon]").attr("type")).isEqualTo("image/svg+xml");
        assertThat(plain.select("link[rel=apple-touch-icon]")).isEmpty();

        Site branded = new Site("Newsroom", "https://news.example.org", "https://feeds.example.org", List.of(),
                Fixtures.SITE.sectionNames(), URI.create("https://cdn.example.org/icon.png"), null);
        Document page = Jsoup.parse(new ListPageRenderer().render(Fixtures.listing(true), branded));
        assertThat(page.selectFirst("link[rel=icon]").attr("href")).isEqualTo("https://cdn.example.org/icon.png");
        assertThat(page.selectFirst("link[rel=icon]").hasAttr("type")).isFalse();
        assertThat(page.selectFirst("link[rel=apple-touch-icon]").attr("href"))
                .isEqualTo("https://cdn.example.org/icon.png");
    }
}
