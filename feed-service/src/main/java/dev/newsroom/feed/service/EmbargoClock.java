package dev.newsroom.feed.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.repository.EmbargoClockState;
import dev.newsroom.feed.repository.PlacementQueries;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * Notices when an embargo or a schedule ends, which no event announces: the feeds holding such an article change at
 * that moment. Rendered feeds already expire then on every replica; this tells the WebSub hub, from one replica.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class EmbargoClock {

    private final EmbargoClockState state;
    private final PlacementQueries placementQueries;
    private final FeedChanges changes;
    private final Clock clock;

    @Scheduled(every = "1s", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        Set<FeedScope> scopes = becameVisible(clock.instant());
        if (!scopes.isEmpty()) {
            changes.embargoEnded(scopes);
        }
    }

    /** The feeds in which articles became visible since the last look, claimed by this replica alone. */
    @Transactional
    Set<FeedScope> becameVisible(Instant now) {
        Set<FeedScope> scopes = new LinkedHashSet<>();
        state.claimInterval(now).ifPresent(from -> placementQueries.becomingVisible(from, now)
                .forEach(placement -> scopes.addAll(ReadModelUpdater.scopesOf(placement))));
        if (!scopes.isEmpty()) {
            scopes.add(FeedScope.ALL);
        }
        return scopes;
    }
}
