package dev.newsroom.feed.service;

import static dev.newsroom.problem.Refusal.Reason.WRONG_STATE;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import dev.newsroom.feed.messaging.TopicReplay;
import dev.newsroom.feed.repository.ReadModelWriter;
import dev.newsroom.feed.repository.RebuildLog;
import dev.newsroom.feed.Rebuild;
import dev.newsroom.observability.NamedThreads;
import dev.newsroom.problem.Refusal;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import lombok.RequiredArgsConstructor;

/**
 * Rebuilds the read model from the topics, from offset zero, while the feeds keep being served. A new generation
 * starts; every replayed row overwrites what is stored the first time the rebuild meets it (so rows a bug got wrong
 * are put right whatever their revision), then only newer revisions count; when the topics' ends are reached, rows
 * that no event accounts for are removed. Live consumption goes on throughout, so nothing published meanwhile is lost.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class Rebuilds {

    /** A running rebuild's heartbeat is written at least this often; twice that without one, it is abandoned. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(5);
    private static final Duration ABANDONED_AFTER = Duration.ofSeconds(60);

    private final RebuildLog log;
    private final TopicReplay replay;
    private final ReadModelWriter writer;
    private final ReplicaNotices notices;
    private final FeedChanges changes;
    private final Clock clock;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(NamedThreads.daemon("read-model-rebuild"));

    /** Starts a rebuild in the background; 409 while another one runs, on this replica or another. */
    public Rebuild start() {
        Instant now = clock.instant();
        Rebuild rebuild = QuarkusTransaction.requiringNew().call(() -> log.begin(now, now.minus(ABANDONED_AFTER)))
                .orElseThrow(() -> Refusal.of(WRONG_STATE,
                        "a rebuild of the read model is running already: follow it at /admin/rebuild"));
        Log.infof("rebuilding the read model from the topics (generation %d)", rebuild.generation());
        runner.execute(() -> run(rebuild.generation()));
        return rebuild;
    }

    public Optional<Rebuild> find(long generation) {
        return QuarkusTransaction.requiringNew().call(() -> log.find(generation));
    }

    public Optional<Rebuild> latest() {
        return QuarkusTransaction.requiringNew().call(log::latest);
    }

    private void run(long generation) {
        long started = System.nanoTime();
        long[] counts = {0, 0};
        long[] lastBeat = {System.nanoTime()};
        try {
            replay.replay(generation, (applied, skipped) -> {
                counts[0] += applied;
                counts[1] += skipped;
                if (System.nanoTime() - lastBeat[0] > HEARTBEAT.toNanos()) {
                    lastBeat[0] = System.nanoTime();
                    QuarkusTransaction.requiringNew().run(() ->
                            log.progress(generation, counts[0], counts[1], clock.instant()));
                }
            });
            int swept = QuarkusTransaction.requiringNew().call(() -> {
                int removed = log.finish(generation, counts[0], counts[1], clock.instant());
                writer.notifyReplicas(ReplicaNotices.CHANNEL, notices.payload(null, Set.of()));
                return removed;
            });
            changes.rebuilt();
            Log.infof("read model rebuilt (generation %d): %d events applied, %d skipped, %d stale rows removed, "
                    + "in %d ms", generation, counts[0], counts[1], swept, (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            Log.errorf(e, "rebuilding the read model failed (generation %d)", generation);
            QuarkusTransaction.requiringNew().run(() -> log.fail(generation, String.valueOf(e.getMessage()),
                    clock.instant()));
        }
    }

    @PreDestroy
    void stop() {
        runner.shutdownNow();
    }
}
