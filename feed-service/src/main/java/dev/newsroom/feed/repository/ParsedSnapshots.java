package dev.newsroom.feed.repository;

import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;

import lombok.RequiredArgsConstructor;

/**
 * The read model's JSON snapshots, parsed once: a story stays on its feeds and pages through many renders (each
 * publish renders them all again), and parsing its snapshot anew on each was the largest single share of a render's
 * time under load. A snapshot is known either by its text or by its row's version (id, revision and generation,
 * which move whenever the read model writes another snapshot into the row), so a changed row is a new entry and
 * never a stale one. The version lets the hottest queries leave the snapshots of known rows in the database: reading
 * 50 of them as text and hashing them to find their entries was a tenth of a feed's render. The values are shared
 * between renders, which only read them.
 */
@RequiredArgsConstructor
@ApplicationScoped
class ParsedSnapshots {

    /** Text weighs one byte a character (compact strings) and its parsed form about as much again. */
    private static final long MAX_WEIGHT = 24L * 1024 * 1024;

    /** A row of the read model as it is now: any other snapshot written into it changes revision or generation. */
    record RowVersion(UUID id, long revision, long generation) {
    }

    private record Key(Class<?> type, Object textOrVersion) {
    }

    private record Parsed(Object value, int weight) {
    }

    private final ObjectMapper json;
    private final Cache<Key, Parsed> parsed = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Key key, Parsed value) -> value.weight())
            .build();

    <T> T read(String text, Class<T> type) {
        // the text is held by its key as well as parsed
        return type.cast(parsed.get(new Key(type, text), key -> new Parsed(parse(text, type), 2 * text.length()))
                .value());
    }

    /** The snapshot of a row at this version if it was parsed before, or null. */
    <T> T known(RowVersion version, Class<T> type) {
        Parsed found = parsed.getIfPresent(new Key(type, version));
        return found == null ? null : type.cast(found.value());
    }

    <T> T read(RowVersion version, String text, Class<T> type) {
        return type.cast(parsed.get(new Key(type, version), key -> new Parsed(parse(text, type), text.length()))
                .value());
    }

    private <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model row is not valid " + type.getSimpleName(), e);
        }
    }
}
