package dev.newsroom.feed.service;

import java.time.Instant;
import java.util.stream.Stream;

import dev.newsroom.events.ArticleEventType;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;
import dev.newsroom.feed.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Applies one event to the read model in one transaction; duplicates and older revisions change nothing. */
@ApplicationScoped
public class ReadModelUpdater {

    private final ReadModelRepository readModel;

    public ReadModelUpdater(ReadModelRepository readModel) {
        this.readModel = readModel;
    }

    /** @return true when the read model changed, so feeds must be rendered anew */
    @Transactional
    public boolean applyArticle(ArticleEventType type, ArticleSnapshot article, Instant eventTime) {
        requireComplete(article);
        boolean visible = type != ArticleEventType.UNPUBLISHED && "PUBLISHED".equals(article.status());
        ArticleSnapshot stored = visible ? article : withStatus(article, "UNPUBLISHED");
        // An embargo holds an article back from every feed until its time, whatever the events say.
        Instant visibleFrom = visible ? latest(article.publishedAt(), article.firstPublishedAt(),
                article.embargoUntil()) : null;
        Instant removedAt = visible ? null : (article.updatedAt() != null ? article.updatedAt() : eventTime);
        return readModel.upsertArticle(stored, visibleFrom, removedAt);
    }

    /** @return true when the read model changed */
    @Transactional
    public boolean applyMedia(MediaEventType type, MediaAssetSnapshot asset) {
        if (asset == null || asset.id() == null) {
            throw new MalformedEventException("media event without an asset id");
        }
        MediaAssetSnapshot stored = type == MediaEventType.DELETED && !asset.deleted()
                ? new MediaAssetSnapshot(asset.id(), asset.caption(), asset.credit(), asset.byline(), asset.altText(),
                        asset.width(), asset.height(), asset.mimeType(), asset.bytes(), asset.renditions(),
                        asset.revision(), true, asset.createdAt(), asset.updatedAt())
                : asset;
        return readModel.upsertMedia(stored);
    }

    private static void requireComplete(ArticleSnapshot article) {
        if (article == null || article.id() == null) {
            throw new MalformedEventException("article event without an article id");
        }
        if (article.slug() == null || article.section() == null || article.headline() == null) {
            throw new MalformedEventException("article event " + article.id() + " lacks slug, section or headline");
        }
        if (article.revision() < 1) {
            throw new MalformedEventException("article event " + article.id() + " has no revision");
        }
    }

    private static ArticleSnapshot withStatus(ArticleSnapshot a, String status) {
        return new ArticleSnapshot(a.id(), a.slug(), status, a.headline(), a.summary(), a.body(), a.section(),
                a.tags(), a.authors(), a.language(), a.leadImage(), a.related(), a.revision(), a.createdAt(),
                a.updatedAt(), a.publishedAt(), a.firstPublishedAt(), a.scheduledAt(), a.embargoUntil(),
                a.correction(), a.unpublishReason());
    }

    private static Instant latest(Instant... instants) {
        return Stream.of(instants).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(Instant.now());
    }
}
