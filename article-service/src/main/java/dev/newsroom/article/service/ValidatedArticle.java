package dev.newsroom.article.service;

import java.util.List;

import dev.newsroom.article.Article;
import dev.newsroom.article.RevisionContent;

/**
 * Editable fields that passed validation, normalized and sanitized, ready to apply to an article.
 *
 * @param content          the fields, without a status (the workflow sets it); its slug is the editor's own, or
 *                         {@code null} to derive (or keep) one
 * @param sanitizerRemoved what the sanitizer took out of the body, one line per kind, for the editor
 */
public record ValidatedArticle(RevisionContent content, List<String> sanitizerRemoved) {

    /**
     * This content restored onto {@code current}: what readers know it by stays (its slug once published, else the
     * restored one unless another article took it meanwhile) and so does its embargo, a workflow setting, not text.
     */
    ValidatedArticle restoredOnto(Article current, boolean slugStillFree) {
        String keptSlug = current.wasEverPublished() ? current.slug : slugStillFree ? content.slug() : null;
        return new ValidatedArticle(content.withSlugAndEmbargo(keptSlug, current.embargoUntil), sanitizerRemoved);
    }
}
