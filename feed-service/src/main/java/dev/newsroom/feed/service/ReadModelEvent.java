package dev.newsroom.feed.service;

import java.time.Instant;
import java.util.UUID;

import dev.newsroom.events.ArticleEventType;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MalformedEventException;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;

/** An event from the topics, understood and checked, ready to apply to the read model. */
public sealed interface ReadModelEvent {

    UUID id();

    long revision();

    /** The CloudEvent's time: when the change happened upstream. */
    Instant time();

    /** Something happened to an article. */
    record Article(ArticleEventType type, ArticleSnapshot article, Instant time) implements ReadModelEvent {

        public Article {
            if (article == null || article.id() == null) {
                throw new MalformedEventException("article event without an article id");
            }
            if (article.slug() == null || article.slug().isBlank() || article.section() == null
                    || article.section().isBlank() || article.headline() == null) {
                throw new MalformedEventException("article event " + article.id() + " lacks slug, section or headline");
            }
            if (article.revision() < 1) {
                throw new MalformedEventException("article event " + article.id() + " has no revision");
            }
            if (article.updatedAt() == null) {
                throw new MalformedEventException("article event " + article.id() + " has no updatedAt");
            }
        }

        @Override
        public UUID id() {
            return article.id();
        }

        @Override
        public long revision() {
            return article.revision();
        }
    }

    /** Something happened to an image asset. */
    record Media(MediaEventType type, MediaAssetSnapshot asset, Instant time) implements ReadModelEvent {

        public Media {
            if (asset == null || asset.id() == null) {
                throw new MalformedEventException("media event without an asset id");
            }
            if (asset.revision() < 1) {
                throw new MalformedEventException("media event " + asset.id() + " has no revision");
            }
        }

        @Override
        public UUID id() {
            return asset.id();
        }

        @Override
        public long revision() {
            return asset.revision();
        }
    }
}
