package dev.newsroom.article.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * The search migration on a database that already holds stories, as every existing installation does: its rows
 * become searchable in their own language, with the same migrations the service runs, in a schema of its own.
 */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class SearchMigrationTest {

    @Inject
    DataSource dataSource;

    @Test
    void storiesSavedBeforeTheMigrationAreFoundAfterIt() throws SQLException {
        String schema = "backfill_" + UUID.randomUUID().toString().substring(0, 8);
        migrate(schema, "2");
        try (Connection connection = dataSource.getConnection()) {
            insert(connection, schema, "Council publishing rules", "<p>The <em>harbour</em> plan.</p>", "en");
            insert(connection, schema, "Les chevaux du village", "<p>Au pré.</p>", "fr-CA");
            insert(connection, schema, "Council publishing rules", "<p>Word for word.</p>", "x-private");

            migrate(schema, "latest");

            assertThat(matches(connection, schema, "published")).containsExactly("english");
            assertThat(matches(connection, schema, "harbour")).containsExactly("english");
            assertThat(matches(connection, schema, "cheval")).containsExactly("french");
            assertThat(matches(connection, schema, "publishing")).containsExactlyInAnyOrder("english", "simple");
            assertThat(matches(connection, schema, "em")).isEmpty();
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("drop schema " + schema + " cascade");
            }
        }
    }

    private void migrate(String schema, String target) {
        Flyway.configure().dataSource(dataSource).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration", "classpath:db/outbox").target(target).load().migrate();
    }

    private static void insert(Connection connection, String schema, String headline, String body, String language)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("insert into " + schema + ".article (id, version,"
                + " slug, status, headline, summary, body, section, language, revision, created_at, updated_at,"
                + " created_by, updated_by) values (?, 0, ?, 'DRAFT', ?, 'A summary.', ?, 'tests', ?, 1, now(), now(),"
                + " 'writer', 'writer')")) {
            UUID id = UUID.randomUUID();
            insert.setObject(1, id);
            insert.setString(2, id.toString());
            insert.setString(3, headline);
            insert.setString(4, body);
            insert.setString(5, language);
            insert.executeUpdate();
        }
    }

    /** The configurations of the rows a query finds, each queried in its own configuration, as the service does. */
    private static List<String> matches(Connection connection, String schema, String query) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("select search_config from " + schema + ".article"
                + " where search_vector @@ websearch_to_tsquery(cast(search_config as regconfig), ?)")) {
            select.setString(1, query);
            List<String> configs = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    configs.add(rows.getString(1));
                }
            }
            return configs;
        }
    }
}
