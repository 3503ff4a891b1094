package dev.newsroom.article.messaging;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.newsroom.article.config.ArticleConfig;
import dev.newsroom.article.service.ArticleService;
import dev.newsroom.article.service.PublicationScheduled;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

/**
 * Fires scheduled publications on time. The schedule lives in the database, so it survives restarts; one thread
 * sleeps until the earliest due time (woken early when a new schedule commits) rather than polling every second, so
 * an article comes out within milliseconds of its time. Row locks with SKIP LOCKED make each one fire once, however
 * many replicas wake for it.
 */
@ApplicationScoped
public class PublicationTimer {

    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(1);

    private final ArticleService articles;
    private final Clock clock;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Object monitor = new Object();
    private boolean woken;
    private volatile boolean running;
    private Thread thread;

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
        running = true;
        thread = new Thread(this::run, "publication-timer");
        thread.setDaemon(true);
        thread.start();
    }

    void onStop(@Observes ShutdownEvent stop) {
        running = false;
        if (thread != null) {
            wake();
            try {
                thread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Only after commit: before it, the new schedule is invisible to the timer's own transaction. */
    void onScheduled(@Observes(during = TransactionPhase.AFTER_SUCCESS) PublicationScheduled scheduled) {
        wake();
    }

    /** Makes the timer look at the schedule again now. */
    public void wake() {
        synchronized (monitor) {
            woken = true;
            monitor.notifyAll();
        }
    }

    private void run() {
        while (running) {
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
            sleep(sleep);
        }
    }

    private Duration untilNext(Instant next) {
        if (next == null) {
            return pollInterval;
        }
        Duration until = Duration.between(clock.instant(), next);
        return until.compareTo(pollInterval) > 0 ? pollInterval : until;
    }

    private void sleep(Duration duration) {
        // Round up: waking a millisecond early would find nothing due and go round once more.
        long millis = Math.max(1, (duration.toNanos() + 999_999) / 1_000_000);
        synchronized (monitor) {
            try {
                if (!woken && duration.toNanos() > 0) {
                    monitor.wait(millis);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
            woken = false;
        }
    }
}
