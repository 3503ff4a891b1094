package dev.newsroom.article.event;

import java.util.List;

import dev.newsroom.article.Article;
import dev.newsroom.events.ArticleSnapshot;

/** Maps the entity to the wire record; the entity itself never goes on the wire. */
public final class ArticleEventMapper {

    private ArticleEventMapper() {
    }

    public static ArticleSnapshot toSnapshot(Article article) {
        return new ArticleSnapshot(
                article.id,
                article.slug,
                article.status.name(),
                article.headline,
                article.summary,
                article.body,
                article.section,
                List.copyOf(article.tags),
                article.authors.stream().map(author -> new ArticleSnapshot.Author(author.name())).toList(),
                article.language,
                article.leadImage == null ? null : new ArticleSnapshot.LeadImage(article.leadImage.mediaId(),
                        article.leadImage.caption(), article.leadImage.credit()),
                article.related.stream().map(link -> new ArticleSnapshot.RelatedLink(link.title(), link.url()))
                        .toList(),
                article.revision,
                article.createdAt,
                article.updatedAt,
                article.publishedAt,
                article.firstPublishedAt,
                article.scheduledAt,
                article.embargoUntil,
                article.correction,
                article.unpublishReason);
    }
}
