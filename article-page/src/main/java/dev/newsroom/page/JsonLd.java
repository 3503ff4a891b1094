package dev.newsroom.page;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.ArticleSnapshot;

/**
 * The schema.org NewsArticle of a page as JSON-LD. Written by Jackson, then with &lt;, &gt; and &amp; as \\u escapes,
 * so no story text can close the script element it sits in or open a comment.
 */
final class JsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private JsonLd() {
    }

    static String newsArticle(ArticleSnapshot article, LeadImage image, URI canonical, Site site) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("@context", "https://schema.org");
        json.put("@type", "NewsArticle");
        json.put("mainEntityOfPage", canonical.toASCIIString());
        json.put("url", canonical.toASCIIString());
        json.put("headline", Objects.requireNonNullElse(PageText.clean(article.headline()), ""));
        putIfPresent(json, "description", PageText.clean(article.summary()));
        putIfPresent(json, "inLanguage", PageText.clean(article.language()));
        if (image != null) {
            Rendition main = image.main();
            Map<String, Object> photo = new LinkedHashMap<>();
            photo.put("@type", "ImageObject");
            photo.put("url", main.url().toASCIIString());
            photo.put("contentUrl", main.url().toASCIIString());
            if (main.width() > 0 && main.height() > 0) {
                photo.put("width", main.width());
                photo.put("height", main.height());
            }
            putIfPresent(photo, "caption", image.caption());
            putIfPresent(photo, "creditText", image.credit());
            json.put("image", List.of(photo));
        }
        if (article.firstPublishedAt() != null) {
            json.put("datePublished", Dates.rfc3339(article.firstPublishedAt()));
        }
        if (article.updatedAt() != null) {
            json.put("dateModified", Dates.rfc3339(article.updatedAt()));
        }
        List<String> authors = PageText.names(article.authors() == null ? List.of()
                : article.authors().stream().filter(Objects::nonNull).map(ArticleSnapshot.Author::name).toList());
        json.put("author", authors.stream().map(name -> Map.of("@type", "Person", "name", name)).toList());
        Map<String, Object> publisher = new LinkedHashMap<>();
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", site.name());
        publisher.put("url", site.home().toASCIIString());
        json.put("publisher", publisher);
        putIfPresent(json, "articleSection", site.sectionName(article.section()));
        List<String> tags = PageText.names(article.tags());
        if (!tags.isEmpty()) {
            json.put("keywords", tags);
        }
        json.put("isAccessibleForFree", true);
        String correction = PageText.clean(article.correction());
        if (correction != null) {
            Map<String, Object> comment = new LinkedHashMap<>();
            comment.put("@type", "CorrectionComment");
            comment.put("text", correction);
            if (article.updatedAt() != null) {
                comment.put("datePublished", Dates.rfc3339(article.updatedAt()));
            }
            json.put("correction", comment);
        }
        try {
            return JSON.writeValueAsString(json).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialize", e);
        }
    }

    private static void putIfPresent(Map<String, Object> json, String key, String value) {
        if (value != null) {
            json.put(key, value);
        }
    }
}
