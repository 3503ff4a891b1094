package dev.newsroom.feed.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import jakarta.enterprise.context.ApplicationScoped;

import lombok.RequiredArgsConstructor;

/**
 * The read model's JSON snapshots, parsed once per text: a story stays on its feeds and pages through many renders
 * (each publish renders them all again), and parsing its snapshot anew on each was the largest single share of a
 * render's time under load. Keyed by the text itself, so a changed row is a new entry and never a stale one; the
 * values are shared between renders, which only read them.
 */
@RequiredArgsConstructor
@ApplicationScoped
class ParsedSnapshots {

    /** Text weighs one byte a character (compact strings) and its parsed form about as much again. */
    private static final long MAX_WEIGHT = 24L * 1024 * 1024;

    private record Key(Class<?> type, String text) {
    }

    private final ObjectMapper json;
    private final Cache<Key, Object> parsed = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Key key, Object value) -> 2 * key.text().length())
            .build();

    <T> T read(String text, Class<T> type) {
        return type.cast(parsed.get(new Key(type, text), key -> parse(key.text(), type)));
    }

    private <T> T parse(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("read model row is not valid " + type.getSimpleName(), e);
        }
    }
}
