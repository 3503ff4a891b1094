package dev.newsroom.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;

/**
 * Fills a feed-service read model directly (bypassing Kafka) with published articles, half with a lead image:
 * the fastest way to give the renderer 100 or 100,000 articles to choose the newest 50 from.
 */
public final class ReadModelSeed {

    static final Instant EPOCH = Instant.parse("2025-01-01T00:00:00Z");
    static final int ASSETS = 1_000;

    private ReadModelSeed() {
    }

    public static void main(String[] argv) throws SQLException {
        Args args = new Args(argv);
        int count = args.integer("count", 100);
        seed(args.get("jdbc", "jdbc:postgresql://127.0.0.1:5432/newsroom_bench"), args.get("run", "seed"), count);
        System.out.printf("read model holds %,d articles%n", count);
    }

    /** Makes the read model hold articles 0 to {@code total - 1}, inserting what is missing. */
    static void seed(String jdbcUrl, String run, int total) throws SQLException {
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
            db.setAutoCommit(false);
            int present;
            try (var count = db.createStatement().executeQuery("SELECT count(*) FROM feed.feed_article")) {
                count.next();
                present = count.getInt(1);
            }
            if (present > total) {
                // article i was published i seconds after EPOCH: keep 0 to total - 1
                try (PreparedStatement shrink = db.prepareStatement(
                        "DELETE FROM feed.feed_article WHERE published_at >= ?")) {
                    shrink.setTimestamp(1, Timestamp.from(EPOCH.plusSeconds(total)));
                    shrink.executeUpdate();
                }
                present = total;
            }
            if (present == 0) {
                try (PreparedStatement media = db.prepareStatement("INSERT INTO feed.feed_media"
                        + " (id, revision, deleted, snapshot) VALUES (?, ?, false, cast(? AS jsonb))"
                        + " ON CONFLICT DO NOTHING")) {
                    for (int i = 0; i < ASSETS; i++) {
                        MediaAssetSnapshot asset = Events.asset(run, i, 1, EPOCH);
                        media.setObject(1, asset.id());
                        media.setLong(2, 1);
                        media.setString(3, Events.json(asset));
                        media.addBatch();
                    }
                    media.executeBatch();
                }
            }
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO feed.feed_article (id, revision, slug,"
                    + " status, section, tags, lead_media_id, visible_from, published_at, updated_at, snapshot)"
                    + " VALUES (?, 1, ?, 'PUBLISHED', ?, ?, ?, ?, ?, ?, cast(? AS jsonb)) ON CONFLICT DO NOTHING")) {
                for (int i = present; i < total; i++) {
                    ArticleSnapshot article = Events.article(run, i, 1, "PUBLISHED", EPOCH, ASSETS);
                    insert.setObject(1, article.id());
                    insert.setString(2, article.slug());
                    insert.setString(3, article.section());
                    insert.setArray(4, db.createArrayOf("text", article.tags().toArray()));
                    insert.setObject(5, article.leadImage() == null ? null : article.leadImage().mediaId());
                    insert.setTimestamp(6, Timestamp.from(article.publishedAt()));
                    insert.setTimestamp(7, Timestamp.from(article.firstPublishedAt()));
                    insert.setTimestamp(8, Timestamp.from(article.updatedAt()));
                    insert.setString(9, Events.json(article));
                    insert.addBatch();
                    if ((i + 1) % 1_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            db.commit();
            // as autovacuum would a little later: statistics for the planner, and no dead rows left by a shrink
            // (outside a transaction: VACUUM refuses one, and ANALYZE in one never committed would be lost)
            db.setAutoCommit(true);
            db.createStatement().execute("VACUUM ANALYZE feed.feed_article");
        }
    }

    /** Tells the service, as another replica would, that the read model changed: its rendered feeds are dropped. */
    static void invalidate(Connection db) throws SQLException {
        db.createStatement().execute("SELECT pg_notify('feed_changes', 'bench -')");
    }
}
