package dev.newsroom.feed.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import dev.newsroom.events.MediaAssetSnapshot;

/** An image asset as media-service would put it on the topic. */
public final class TestAsset {

    private final UUID id = UUID.randomUUID();
    private String caption;
    private String credit;
    private long revision = 1;
    private Instant updatedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);

    public TestAsset(String caption, String credit) {
        this.caption = caption;
        this.credit = credit;
    }

    public TestAsset next(String caption, String credit) {
        this.caption = caption;
        this.credit = credit;
        this.revision++;
        // as media-service stamps an update: when it happens, and never before the previous revision
        Instant now = Instant.now();
        this.updatedAt = now.isAfter(updatedAt) ? now : updatedAt.plusSeconds(1);
        return this;
    }

    public UUID id() {
        return id;
    }

    public MediaAssetSnapshot snapshot() {
        String base = "https://media.example.org/media/" + id;
        return new MediaAssetSnapshot(id, caption, credit, null, "alt text", 2400, 1600, "image/jpeg", 900_000,
                List.of(new MediaAssetSnapshot.Rendition("original", base + "/original", 2400, 1600, "image/jpeg",
                                900_000),
                        new MediaAssetSnapshot.Rendition("large", base + "/large", 1200, 800, "image/jpeg", 210_000),
                        new MediaAssetSnapshot.Rendition("thumb", base + "/thumb", 400, 267, "image/jpeg", 30_000)),
                revision, false, updatedAt, updatedAt);
    }
}
