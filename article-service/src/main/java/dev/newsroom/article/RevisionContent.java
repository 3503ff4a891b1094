package dev.newsroom.article;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The editable fields of an article as saved in one revision. */
@JsonIgnoreProperties(ignoreUnknown = true) // kept forever: an old revision may carry a field since dropped
public record RevisionContent(
        String slug,
        String headline,
        String summary,
        String body,
        String section,
        List<String> tags,
        List<Author> authors,
        String language,
        LeadImage leadImage,
        List<RelatedLink> related,
        String correction,
        Instant embargoUntil,
        String status) {

    public static RevisionContent of(Article article) {
        return new RevisionContent(article.slug, article.headline, article.summary, article.body, article.section,
                List.copyOf(article.tags), List.copyOf(article.authors), article.language, article.leadImage,
                List.copyOf(article.related), article.correction, article.embargoUntil,
                article.status.name());
    }
}
