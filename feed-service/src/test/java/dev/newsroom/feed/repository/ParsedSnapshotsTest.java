package dev.newsroom.feed.repository;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.feed.repository.ParsedSnapshots.RowVersion;

class ParsedSnapshotsTest {

    private final ParsedSnapshots snapshots = new ParsedSnapshots(new ObjectMapper().registerModule(new JavaTimeModule()));

    @Test
    void the_same_row_is_parsed_once_and_a_changed_row_again() {
        String first = "{\"headline\":\"First\",\"revision\":1,\"updatedAt\":\"2026-12-01T10:00:00Z\"}";
        String second = "{\"headline\":\"Second\",\"revision\":2,\"updatedAt\":\"2026-12-01T10:01:00Z\"}";

        ArticleSnapshot parsed = snapshots.read(first, ArticleSnapshot.class);

        assertThat(snapshots.read(new String(first.toCharArray()), ArticleSnapshot.class)).isSameAs(parsed);
        ArticleSnapshot changed = snapshots.read(second, ArticleSnapshot.class);
        assertThat(changed.headline()).isEqualTo("Second");
        assertThat(changed.revision()).isEqualTo(2);
        assertThat(parsed.headline()).isEqualTo("First");
    }

    @Test
    void a_row_version_parsed_once_is_known_and_another_version_of_the_row_is_not() {
        UUID id = UUID.randomUUID();
        RowVersion first = new RowVersion(id, 1, 0);
        String text = "{\"headline\":\"First\",\"revision\":1,\"updatedAt\":\"2026-12-01T10:00:00Z\"}";

        assertThat(snapshots.known(first, ArticleSnapshot.class)).isNull();
        ArticleSnapshot parsed = snapshots.read(first, text, ArticleSnapshot.class);

        assertThat(parsed.headline()).isEqualTo("First");
        assertThat(snapshots.known(new RowVersion(id, 1, 0), ArticleSnapshot.class)).isSameAs(parsed);
        assertThat(snapshots.known(new RowVersion(id, 2, 0), ArticleSnapshot.class)).isNull();
        // a rebuild writes the row again under a new generation
        assertThat(snapshots.known(new RowVersion(id, 1, 1), ArticleSnapshot.class)).isNull();
        assertThat(snapshots.known(first, MediaAssetSnapshot.class)).isNull();
    }
}
