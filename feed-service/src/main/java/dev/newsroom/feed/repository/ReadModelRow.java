package dev.newsroom.feed.repository;

import java.util.UUID;

/** What every row of the read model holds besides its own columns: id, revision and the snapshot as JSON. */
interface ReadModelRow {

    UUID id();

    long revision();

    String snapshotJson();
}
