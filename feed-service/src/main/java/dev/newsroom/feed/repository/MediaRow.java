package dev.newsroom.feed.repository;

import java.util.UUID;

/** One image asset as the read model stores it. */
public record MediaRow(UUID id, long revision, boolean deleted, String snapshotJson) implements ReadModelRow {
}
