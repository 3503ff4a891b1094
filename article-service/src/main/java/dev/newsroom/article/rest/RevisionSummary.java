package dev.newsroom.article.rest;

import java.time.Instant;

import dev.newsroom.article.ArticleRevision;

/** One line of an article's history: who saved which revision when, and the headline and status it had. */
public record RevisionSummary(int revision, String savedBy, Instant savedAt, String action, String headline,
        String status) {

    static RevisionSummary of(ArticleRevision revision) {
        return new RevisionSummary(revision.revision, revision.savedBy, revision.savedAt, revision.action,
                revision.content.headline(), revision.content.status());
    }
}
