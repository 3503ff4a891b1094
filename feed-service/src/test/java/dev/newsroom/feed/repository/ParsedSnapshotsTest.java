package dev.newsroom.feed.repository;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.newsroom.events.ArticleSnapshot;

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
}
