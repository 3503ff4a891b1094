package dev.newsroom.article.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.newsroom.article.Article;
import dev.newsroom.article.Author;
import dev.newsroom.article.LeadImage;
import dev.newsroom.article.RelatedLink;

/** An article as the editors' API returns it (the contract's Article). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ArticleView(
        UUID id,
        String slug,
        String status,
        String headline,
        String summary,
        String body,
        String section,
        List<String> tags,
        List<Author> authors,
        String language,
        LeadImage leadImage,
        List<RelatedLink> related,
        long version,
        int revision,
        Instant createdAt,
        Instant updatedAt,
        Instant publishedAt,
        Instant firstPublishedAt,
        Instant scheduledAt,
        Instant embargoUntil,
        String correction,
        String unpublishReason,
        List<String> sanitizerRemoved) {

    public static ArticleView of(Article article, List<String> sanitizerRemoved) {
        return new ArticleView(article.id, article.slug, article.status.name(), article.headline, article.summary,
                article.body, article.section, article.tags, article.authors, article.language, article.leadImage,
                article.related, article.version, article.revision, article.createdAt, article.updatedAt,
                article.publishedAt, article.firstPublishedAt, article.scheduledAt, article.embargoUntil,
                article.correction, article.unpublishReason,
                sanitizerRemoved == null || sanitizerRemoved.isEmpty() ? null : sanitizerRemoved);
    }

    public static ArticleView of(Article article) {
        return of(article, null);
    }
}
