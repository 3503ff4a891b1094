package dev.newsroom.feed.repository;

import static dev.newsroom.feed.repository.SqlValues.instant;
import static dev.newsroom.feed.repository.SqlValues.timestamp;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import lombok.RequiredArgsConstructor;

/** How far the embargo clock has looked, kept in the feed_state row so that one replica reports each interval. */
@RequiredArgsConstructor
@ApplicationScoped
public class EmbargoClockState {

    private final EntityManager entities;

    /**
     * Claims the interval the embargo clock has not looked at yet, up to {@code now}; empty when another replica
     * holds it or it was looked at already. The row lock makes one replica the one that reports each interval.
     */
    public Optional<Instant> claimInterval(Instant now) {
        List<?> rows = entities.createNativeQuery("SELECT clock_checked_until FROM feed_state WHERE id = 1"
                + " AND clock_checked_until < :now FOR UPDATE SKIP LOCKED")
                .setParameter("now", timestamp(now))
                .getResultList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        entities.createNativeQuery("UPDATE feed_state SET clock_checked_until = :now WHERE id = 1")
                .setParameter("now", timestamp(now))
                .executeUpdate();
        return Optional.of(instant(rows.get(0)));
    }
}
