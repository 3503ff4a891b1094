package dev.newsroom.feed.repository;

import static dev.newsroom.feed.repository.SqlValues.timestamp;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import lombok.RequiredArgsConstructor;

/** Which feeds a change touches: the section and tags of the published articles it concerns. */
@RequiredArgsConstructor
@ApplicationScoped
public class PlacementQueries {

    private final EntityManager entities;

    /** Section and tags of the stored articles with these ids: the feeds an article leaves when it moves. */
    public List<Placement> ofArticles(Collection<UUID> articleIds) {
        if (articleIds.isEmpty()) {
            return List.of();
        }
        return read(entities.createNativeQuery(
                "SELECT id, section, cast(tags AS text[]) FROM feed_article"
                        + " WHERE id IN (:ids) AND status = 'PUBLISHED'")
                .setParameter("ids", articleIds));
    }

    /** Section and tags of the published articles whose lead image is one of these assets. */
    public List<Placement> usingMedia(Collection<UUID> mediaIds) {
        if (mediaIds.isEmpty()) {
            return List.of();
        }
        return read(entities.createNativeQuery("SELECT id, section, cast(tags AS text[]) FROM feed_article"
                + " WHERE lead_media_id IN (:ids) AND status = 'PUBLISHED'")
                .setParameter("ids", mediaIds));
    }

    /** Section and tags of the articles whose embargo or schedule ended in (from, to]. */
    public List<Placement> becomingVisible(Instant from, Instant to) {
        return read(entities.createNativeQuery("SELECT id, section, cast(tags AS text[]) FROM feed_article"
                + " WHERE status = 'PUBLISHED' AND held_until > :from AND held_until <= :to")
                .setParameter("from", timestamp(from))
                .setParameter("to", timestamp(to)));
    }

    private static List<Placement> read(Query query) {
        List<Placement> placements = new ArrayList<>();
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            placements.add(new Placement((UUID) columns[0], (String) columns[1], textList(columns[2])));
        }
        return placements;
    }

    private static List<String> textList(Object array) {
        if (array instanceof String[] values) {
            return List.of(values);
        }
        if (array instanceof Object[] values) {
            return Arrays.stream(values).map(String::valueOf).toList();
        }
        return List.of();
    }
}
