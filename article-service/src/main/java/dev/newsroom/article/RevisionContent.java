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

    /** This content with another slug and embargo, which a restore keeps from the article as it is now. */
    public RevisionContent withSlugAndEmbargo(String newSlug, Instant newEmbargoUntil) {
        return new RevisionContent(newSlug, headline, summary, body, section, tags, authors, language, leadImage,
                related, correction, newEmbargoUntil, status);
    }

    /** Sets the article's editable fields to these; its slug and status are the workflow's to set. */
    public void applyTo(Article article) {
        article.headline = headline;
        article.summary = summary;
        article.body = body;
        article.section = section;
        article.tags = tags;
        article.authors = authors;
        article.language = language;
        article.leadImage = leadImage;
        article.related = related;
        article.correction = correction;
        article.embargoUntil = embargoUntil;
    }
}
