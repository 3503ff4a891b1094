package dev.newsroom.page;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class JsonLdTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode jsonLd(String html) throws Exception {
        return JSON.readTree(Jsoup.parse(html).selectFirst("script[type=application/ld+json]").data());
    }

    @Test
    void newsArticleHasEveryField() throws Exception {
        JsonNode article = jsonLd(new ArticlePageRenderer().render(Fixtures.article("en"), Fixtures.asset(),
                Fixtures.SITE));

        assertThat(article.path("@context").asText()).isEqualTo("https://schema.org");
        assertThat(article.path("@type").asText()).isEqualTo("NewsArticle");
        assertThat(article.path("headline").asText()).isEqualTo("Harbour <script>alert(1)</script> & \"reopens\"");
        assertThat(article.path("mainEntityOfPage").asText())
                .isEqualTo("https://news.example.org/articles/harbour-reopens");
        JsonNode image = article.path("image").get(0);
        assertThat(image.path("@type").asText()).isEqualTo("ImageObject");
        assertThat(image.path("url").asText()).endsWith("/large");
        assertThat(image.path("width").asInt()).isEqualTo(1200);
        assertThat(image.path("caption").asText()).isEqualTo("Harbour at dawn, boats & \"nets\"");
        assertThat(image.path("creditText").asText()).isEqualTo("Jane Doe/Agency");
        assertThat(article.path("datePublished").asText()).isEqualTo("2025-03-01T08:15:30Z");
        assertThat(article.path("dateModified").asText()).isEqualTo("2025-03-02T10:00:00Z");
        assertThat(article.path("articleSection").asText()).isEqualTo("Local news");
        assertThat(article.path("author").findValuesAsText("name")).containsExactly("Ana Silva", "Omar Haddad");
        assertThat(article.path("author").get(0).path("@type").asText()).isEqualTo("Person");
        assertThat(article.path("publisher").path("@type").asText()).isEqualTo("NewsMediaOrganization");
        assertThat(article.path("publisher").path("name").asText()).isEqualTo("Newsroom");
        assertThat(article.path("isAccessibleForFree").isBoolean()).isTrue();
        assertThat(article.path("isAccessibleForFree").asBoolean()).isTrue();
        assertThat(article.path("correction").path("@type").asText()).isEqualTo("CorrectionComment");
        assertThat(article.path("correction").path("text").asText())
                .isEqualTo("An earlier version gave the wrong date.");
    }

    @Test
    void storyTextCannotCloseTheScriptElement() {
        String html = new ArticlePageRenderer().render(Fixtures.article("en"), Fixtures.asset(), Fixtures.SITE);
        String block = html.substring(html.indexOf("<script type=\"application/ld+json\">"));
        block = block.substring(0, block.indexOf("</script>"));

        assertThat(block).doesNotContain("</", "<!--", "<script>alert");
        assertThat(block).contains("\\u003cscript\\u003e");
    }

    @Test
    void uncorrectedArticleHasNoCorrection() throws Exception {
        assertThat(jsonLd(new ArticlePageRenderer().render(Fixtures.minimal(), null, Fixtures.SITE))
                .has("correction")).isFalse();
    }
}
