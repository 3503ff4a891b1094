package dev.newsroom.article.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import dev.newsroom.article.ArticleStatus;
import dev.newsroom.article.config.ArticleConfig;
import dev.newsroom.article.repository.ArticleRepository;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Scheduler misses, for operators: how late each scheduled publication fired, a count of those later than
 * {@code newsroom.article.scheduler.late-after}, and the scheduled articles that are that late and still not out
 * (every replica's timer stopped, or firing fails). The last is counted in the database, so it sees misses of any
 * replica.
 */
@ApplicationScoped
public class ScheduleMonitor {

    private final ArticleRepository articles;
    private final Clock clock;
    private final Duration lateAfter;
    private final Timer lateness;
    private final Counter late;
    private volatile double overdue = Double.NaN;

    public ScheduleMonitor(ArticleRepository articles, Clock clock, ArticleConfig config, MeterRegistry metrics) {
        this.articles = articles;
        this.clock = clock;
        this.lateAfter = config.scheduler().lateAfter();
        this.lateness = Timer.builder("newsroom.article.schedule.lateness")
                .description("how long after its time a scheduled publication went out")
                .serviceLevelObjectives(Duration.ofMillis(100), Duration.ofSeconds(1), lateAfter,
                        Duration.ofSeconds(30), Duration.ofMinutes(5))
                .register(metrics);
        this.late = Counter.builder("newsroom.article.schedule.late")
                .description("scheduled publications that went out later than newsroom.article.scheduler.late-after")
                .register(metrics);
        Gauge.builder("newsroom.article.schedule.overdue", this, monitor -> monitor.overdue)
                .description("scheduled articles past their time by more than late-after and still not published")
                .baseUnit("articles")
                .register(metrics);
    }

    /** A scheduled publication due at {@code due} went out at {@code firedAt}. */
    public void fired(String articleId, Instant due, Instant firedAt) {
        Duration behind = Duration.between(due, firedAt);
        if (behind.isNegative()) {
            return;
        }
        lateness.record(behind);
        if (behind.compareTo(lateAfter) > 0) {
            late.increment();
            Log.warnf("article %s: scheduled publication fired %d ms late (due %s)", articleId, behind.toMillis(), due);
        }
    }

    @Scheduled(every = "${newsroom.article.scheduler.overdue-check:10s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void countOverdue() {
        Instant before = clock.instant().minus(lateAfter);
        try {
            overdue = QuarkusTransaction.requiringNew().call(() -> articles.count(
                    "status = ?1 and scheduledAt < ?2 and (embargoUntil is null or embargoUntil < ?2)",
                    ArticleStatus.SCHEDULED, before));
        } catch (RuntimeException e) {
            Log.debugf("overdue schedules not counted: %s", e.getMessage());
        }
    }
}
