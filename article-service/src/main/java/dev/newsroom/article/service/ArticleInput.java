package dev.newsroom.article.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.newsroom.article.RevisionContent;

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

    /** A saved revision's content as if an editor sent it again, to restore it through the same checks. */
    static ArticleInput of(RevisionContent content) {
        return new ArticleInput(content.slug(), content.headline(), content.summary(), content.body(), content.section(),
                content.tags(),
                content.authors() == null ? null
                        : content.authors().stream().map(author -> new AuthorInput(author.name())).toList(),
                content.language(),
                content.leadImage() == null ? null : new LeadImageInput(content.leadImage().mediaId(),
                        content.leadImage().caption(), content.leadImage().credit()),
                content.related() == null ? null
                        : content.related().stream().map(link -> new RelatedLinkInput(link.title(), link.url())).toList(),
                content.correction(), content.embargoUntil(), null);
    }

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
