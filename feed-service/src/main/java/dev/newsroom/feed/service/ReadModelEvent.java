package dev.newsroom.feed.service;

import java.time.Instant;
import java.util.UUID;

import dev.newsroom.events.AggregateSnapshot;
import dev.newsroom.events.ArticleEventType;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MalformedEventException;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;

/** An event from the topics, understood and checked, ready to apply to the read model. */
public sealed interface ReadModelEvent {

    /** The state the event carries, checked to have an id and a revision. */
    AggregateSnapshot snapshot();

    /** The CloudEvent's time: when the change happened upstream. */
    Instant time();

    default UUID id() {
        return snapshot().id();
    }

    default long revision() {
        return snapshot().revision();
    }

    /** Something happened to an article. */
    record Article(ArticleEventType type, ArticleSnapshot snapshot, Instant time) implements ReadModelEvent {

        public Article {
            requireIdentity(snapshot, "article");
            if (snapshot.slug() == null || snapshot.slug().isBlank() || snapshot.section() == null
                    || snapshot.section().isBlank() || snapshot.headline() == null) {
                throw new MalformedEventException("article event " + snapshot.id()
                        + " lacks slug, section or headline");
            }
            if (snapshot.updatedAt() == null) {
                throw new MalformedEventException("article event " + snapshot.id() + " has no updatedAt");
            }
        }
    }

    /** Something happened to an image asset. */
    record Media(MediaEventType type, MediaAssetSnapshot snapshot, Instant time) implements ReadModelEvent {

        public Media {
            requireIdentity(snapshot, "media");
        }
    }

    /** An event is applied by its aggregate's id and revision: without them it could not be ordered or deduplicated. */
    private static void requireIdentity(AggregateSnapshot snapshot, String kind) {
        if (snapshot == null || snapshot.id() == null) {
            throw new MalformedEventException(kind + " event without an id");
        }
        if (snapshot.revision() < 1) {
            throw new MalformedEventException(kind + " event " + snapshot.id() + " has no revision");
        }
    }
}
