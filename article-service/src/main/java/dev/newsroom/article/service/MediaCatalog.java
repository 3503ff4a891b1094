package dev.newsroom.article.service;

import static dev.newsroom.problem.Refusal.Reason.UNAVAILABLE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import dev.newsroom.article.KnownMedia;
import dev.newsroom.article.config.ArticleConfig;
import dev.newsroom.article.repository.KnownMediaRepository;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.events.MediaEventType;
import dev.newsroom.problem.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * What this service knows of media-service's assets, from the newsroom.media topic: enough to refuse a lead image
 * that does not exist. A replica rather than a call, so that saving an article never waits for, or fails with,
 * another service; the cost is a short delay after an upload, which {@link #requireUsable} waits out.
 */
@ApplicationScoped
@RequiredArgsConstructor
public class MediaCatalog {

    private static final long RECHECK_MILLIS = 100;

    private final KnownMediaRepository media;
    private final Clock clock;
    private final ArticleConfig config;
    private final Object announcements = new Object();

    /**
     * Applies one event: keeps the newest revision of each asset, so a duplicate or an older event changes nothing.
     *
     * @return whether the replica changed
     */
    @Transactional
    public boolean apply(MediaEventType type, MediaAssetSnapshot asset) {
        boolean deleted = type == MediaEventType.DELETED || asset.deleted();
        return media.upsertNewer(asset.id(), asset.revision(), deleted, clock.instant());
    }

    /** Wakes saves waiting for an asset: called after {@link #apply} committed. */
    public void announced() {
        synchronized (announcements) {
            announcements.notifyAll();
        }
    }

    /**
     * Refuses a lead image that media-service does not have, naming {@code leadImage.mediaId}. An id not heard
     * of yet is waited for a moment ({@code newsroom.article.lead-image.grace}): an editor who has just uploaded a
     * photo attaches it right away, and its event arrives a few milliseconds later.
     */
    public void requireUsable(UUID mediaId) {
        Instant deadline = clock.instant().plus(config.leadImage().grace());
        while (true) {
            KnownMedia known = QuarkusTransaction.requiringNew().call(() -> media.findById(mediaId));
            if (known != null && known.deleted) {
                throw unusable("media asset " + mediaId + " was deleted; choose another image");
            }
            if (known != null) {
                return;
            }
            long left = Duration.between(clock.instant(), deadline).toMillis();
            if (left <= 0) {
                throw unusable("no media asset has the id " + mediaId + "; upload the image to media-service "
                        + "(POST /api/media) and use the id it returns");
            }
            awaitAnnouncement(Math.min(left, RECHECK_MILLIS));
        }
    }

    /** Another replica may apply the event, so a wait is also bounded by a short recheck interval. */
    private void awaitAnnouncement(long millis) {
        synchronized (announcements) {
            try {
                announcements.wait(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Refusal.of(UNAVAILABLE, "the service is stopping; try again");
            }
        }
    }

    private static Refusal unusable(String detail) {
        return Refusal.unprocessable("leadImage.mediaId", detail);
    }
}
