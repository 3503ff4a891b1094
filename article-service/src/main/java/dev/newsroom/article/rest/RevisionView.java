package dev.newsroom.article.rest;

import java.time.Instant;

import dev.newsroom.article.ArticleRevision;
import dev.newsroom.article.RevisionContent;

/** A saved revision: its number, who saved it, when, why, and the content then. */
public record RevisionView(int revision, String savedBy, Instant savedAt, String action, RevisionContent content) {

    static RevisionView of(ArticleRevision revision) {
        return new RevisionView(revision.revision, revision.savedBy, revision.savedAt, revision.action,
                revision.content);
    }
}
