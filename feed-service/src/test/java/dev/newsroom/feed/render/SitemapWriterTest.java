package dev.newsroom.feed.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

class SitemapWriterTest {

    private static final Instant WHEN = Instant.parse("2025-03-01T08:15:30.250Z");
    private final SitemapWriter writer = new SitemapWriter();

    @Test
    void indexListsTheSitemapFiles() throws Exception {
        StrictXml xml = StrictXml.parse(writer.index(List.of(
                new SitemapWriter.Location(URI.create("https://news.example.org/sitemaps/news.xml"), null),
                new SitemapWriter.Location(URI.create("https://news.example.org/sitemaps/2025-03.xml?page=2&x=1"),
                        WHEN))));

        assertThat(xml.texts("/sm:sitemapindex/sm:sitemap/sm:loc")).containsExactly(
                "https://news.example.org/sitemaps/news.xml", "https://news.example.org/sitemaps/2025-03.xml?page=2&x=1");
        assertThat(xml.texts("/sm:sitemapindex/sm:sitemap/sm:lastmod")).containsExactly("2025-03-01T08:15:30Z");
    }

    @Test
    void newsSitemapCarriesPublicationDateTitleAndLanguage() throws Exception {
        StrictXml xml = StrictXml.parse(writer.news("Newsroom <&>", List.of(new SitemapWriter.NewsEntry(
                URI.create("https://news.example.org/articles/a"), WHEN, "Title ]]> & <b>\u0000", "zh-Hant-TW"))));

        assertThat(xml.texts("/sm:urlset/sm:url/sm:loc")).containsExactly("https://news.example.org/articles/a");
        assertThat(xml.texts("//news:publication/news:name")).containsExactly("Newsroom <&>");
        assertThat(xml.texts("//news:publication/news:language")).containsExactly("zh-tw");
        assertThat(xml.texts("//news:news/news:publication_date")).containsExactly("2025-03-01T08:15:30Z");
        assertThat(xml.texts("//news:news/news:title")).containsExactly("Title ]]> & <b>");
        assertThat(SitemapWriter.language("pt-BR")).isEqualTo("pt");
        assertThat(SitemapWriter.language(null)).isEqualTo("en");
    }
}
