package dev.newsroom.article.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.newsroom.article.Article;
import dev.newsroom.article.Author;
import dev.newsroom.article.LeadImage;
import dev.newsroom.article.RelatedLink;

/**
 * An article as the editors' API returns it (the contract's Article). {@code sanitizerRemoved} appears only in the
 * answer to a save whose body had something removed, one line per kind, so the editor learns what was lost.
 */
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
        String createdBy,
        @Schema(description = "When the article was last saved (every save is a revision)") Instant updatedAt,
        @Schema(description = "Who saved last: the user's name, or \"scheduler\" for a scheduled publication")
        String updatedBy,
        Instant publishedAt,
        Instant firstPublishedAt,
        Instant scheduledAt,
        Instant embargoUntil,
        String correction,
        String unpublishReason,
        List<String> sanitizerRemoved) {

    public static ArticleView of(Article article, List<String> sanitizerRemoved) {
        return of(article, article.body, sanitizerRemoved);
    }

    public static ArticleView of(Article article) {
        return of(article, article.body, null);
    }

    /** For lists: every field but the body, which can be a megabyte. */
    public static ArticleView withoutBody(Article article) {
        return of(article, null, null);
    }

    private static ArticleView of(Article article, String body, List<String> sanitizerRemoved) {
        return new ArticleView(article.id, article.slug, article.status.name(), article.headline, article.summary,
                body, article.section, article.tags, article.authors, article.language, article.leadImage,
                article.related, article.version, article.revision, article.createdAt, article.createdBy,
                article.updatedAt, article.updatedBy, article.publishedAt, article.firstPublishedAt,
                article.scheduledAt, article.embargoUntil, article.correction, article.unpublishReason,
                sanitizerRemoved == null || sanitizerRemoved.isEmpty() ? null : sanitizerRemoved);
    }
}
