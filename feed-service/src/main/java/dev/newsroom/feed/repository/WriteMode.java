package dev.newsroom.feed.repository;

/**
 * How an upsert treats the row already there. LIVE keeps it unless the event is newer. A rebuild of generation g
 * overwrites a row it has not written yet whatever its revision (that row may be wrong: that is why one rebuilds),
 * then keeps the newest revision like LIVE.
 */
public record WriteMode(long rebuildGeneration) {

    public static final WriteMode LIVE = new WriteMode(-1);

    public static WriteMode rebuild(long generation) {
        return new WriteMode(generation);
    }

    public boolean isRebuild() {
        return rebuildGeneration >= 0;
    }
}
