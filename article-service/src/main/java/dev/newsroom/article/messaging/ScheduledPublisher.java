package dev.newsroom.article.messaging;

import dev.newsroom.article.service.ArticleService;
import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fires scheduled publications. The schedule lives in the database, so it survives restarts, and
 * row locks with SKIP LOCKED make each article fire once even with several replicas.
 */
@ApplicationScoped
public class ScheduledPublisher {

    private final ArticleService articles;

    public ScheduledPublisher(ArticleService articles) {
        this.articles = articles;
    }

    @Scheduled(every = "${newsroom.scheduler.interval:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void publishDue() {
        int published = articles.publishDue();
        if (published > 0) {
            Log.infof("published %d scheduled article(s)", published);
        }
    }
}
