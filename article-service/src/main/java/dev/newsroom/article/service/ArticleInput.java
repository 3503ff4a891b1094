package dev.newsroom.article.rest;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The editable fields of an article as an editor sends them. Status, id, revision and times are
 * not here: unknown fields are refused, so nobody can assign them through this body.
 */
public record ArticleInput(
        String slug,
        String headline,
        String summary,
        String body,
        String section,
        List<String> tags,
        List<AuthorInput> authors,
        String language,
        LeadImageInput leadImage,
        List<RelatedLinkInput> related,
        String correction,
        Instant embargoUntil,
        Long version) {

    /** A by-line. */
    public record AuthorInput(String name) {
    }

    /** The lead photo reference. */
    public record LeadImageInput(UUID mediaId, String caption, String credit) {
    }

    /** A "Read also" link. */
    public record RelatedLinkInput(String title, String url) {
    }
}
