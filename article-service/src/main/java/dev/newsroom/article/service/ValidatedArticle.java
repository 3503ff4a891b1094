package dev.newsroom.article.service;

import java.time.Instant;
import java.util.List;

import dev.newsroom.article.Article;
import dev.newsroom.article.Author;
import dev.newsroom.article.LeadImage;
import dev.newsroom.article.RelatedLink;
import dev.newsroom.article.RevisionContent;

/**
 * Editable fields that passed validation, normalized and sanitized, ready to apply to an article.
 *
 * @param slug             the editor's own slug, or {@code null} to derive (or keep) one
 * @param sanitizerRemoved what the sanitizer took out of the body, one line per kind, for the editor
 */
public record ValidatedArticle(
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
        List<String> sanitizerRemoved) {

    /** The content of a saved revision, to restore it: it was validated when it was saved. */
    static ValidatedArticle of(RevisionContent content) {
        return new ValidatedArticle(content.slug(), content.headline(), content.summary(), content.body(),
                content.section(), nonNull(content.tags()), nonNull(content.authors()), content.language(),
                content.leadImage(), nonNull(content.related()), content.correction(), content.embargoUntil(),
                List.of());
    }

    /**
     * This content restored onto {@code current}: what readers know it by stays (its slug once published, else the
     * restored one unless another article took it meanwhile) and so does its embargo, a workflow setting, not text.
     */
    ValidatedArticle restoredOnto(Article current, boolean slugStillFree) {
        String keptSlug = current.wasEverPublished() ? current.slug : slugStillFree ? slug : null;
        return new ValidatedArticle(keptSlug, headline, summary, body, section, tags, authors, language, leadImage,
                related, correction, current.embargoUntil, sanitizerRemoved);
    }

    void applyTo(Article article) {
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

    private static <T> List<T> nonNull(List<T> list) {
        return list == null ? List.of() : list;
    }
}
