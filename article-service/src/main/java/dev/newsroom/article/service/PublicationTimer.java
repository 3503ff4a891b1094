package dev.newsroom.article.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import dev.newsroom.article.config.ArticleConfig;
import dev.newsroom.observability.NamedThreads;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Fires scheduled publications on time. The schedule lives in the database, so it survives restarts; the timer runs
 * again at the earliest due time (at once when a new schedule commits) rather than polling every second, so an
 * article comes out within milliseconds of its time. Row locks with SKIP LOCKED make each one fire once, however
 * many replicas wake for it. Quarkus' scheduler runs at fixed intervals or cron times, not at a time read from the
 * database, hence a scheduled executor of one thread.
 */
@ApplicationScoped
public class PublicationTimer {

    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final ArticleService articles;
    private final Clock clock;
    private final boolean enabled;
    private final Duration pollInterval;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(NamedThreads.daemon("publication-timer"));
    /** Set by {@link #wake}, so that a pass running meanwhile looks again instead of sleeping. */
    private final AtomicBoolean woken = new AtomicBoolean();
    private ScheduledFuture<?> next;

    public PublicationTimer(ArticleService articles, Clock clock, ArticleConfig config) {
        this.articles = articles;
        this.clock = clock;
        this.enabled = config.scheduler().enabled();
        this.pollInterval = config.scheduler().pollInterval();
    }

    void onStart(@Observes StartupEvent start) {
        if (!enabled) {
            Log.warn("scheduled publications are not fired by this replica (newsroom.article.scheduler.enabled=false)");
            return;
        }
        wake();
    }

    void onStop(@Observes ShutdownEvent stop) {
        synchronized (this) {
            timer.shutdownNow(); // under the lock, so that no pass is scheduled on a stopped timer
        }
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Only after commit: before it, the new schedule is invisible to the timer's own transaction. */
    void onScheduled(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicationScheduled scheduled) {
        wake();
    }

    /** Makes the timer look at the schedule again now; nothing on a replica that does not fire publications. */
    public void wake() {
        if (!enabled) {
            return;
        }
        woken.set(true);
        runIn(Duration.ZERO);
    }

    private void fire() {
        woken.set(false);
        Duration sleep;
        try {
            while (articles.publishDue() > 0) {
                // a full or partial batch went out: look again, more may be due
            }
            sleep = untilNext(articles.nextDue());
        } catch (RuntimeException e) {
            Log.warnf("firing scheduled publications failed, retrying in %s: %s", RETRY_AFTER_FAILURE,
                    e.getMessage());
            sleep = RETRY_AFTER_FAILURE;
        }
        runIn(woken.get() ? Duration.ZERO : sleep);
    }

    private synchronized void runIn(Duration delay) {
        if (timer.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        // Round up: waking a millisecond early would find nothing due and go round once more.
        long millis = delay.isZero() ? 0 : Math.max(1, (delay.toNanos() + 999_999) / 1_000_000);
        next = timer.schedule(this::fire, millis, TimeUnit.MILLISECONDS);
    }

    private Duration untilNext(Instant next) {
        if (next == null) {
            return pollInterval;
        }
        Duration until = Duration.between(clock.instant(), next);
        return until.compareTo(pollInterval) > 0 ? pollInterval : until;
    }
}
