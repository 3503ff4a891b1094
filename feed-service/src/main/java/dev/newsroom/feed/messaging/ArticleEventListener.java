package dev.newsroom.feed.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter for newsroom.articles: each poll's records reach the read model as one batch, in order. */
@ApplicationScoped
public class ArticleEventListener {

    private final EventIntake intake;
    private final CloudEventReader reader;

    public ArticleEventListener(EventIntake intake, CloudEventReader reader) {
        this.intake = intake;
        this.reader = reader;
    }

    @Incoming("articles")
    @Blocking // the handler writes to PostgreSQL over JDBC, which blocks; ordered, so per-key order holds
    public void onArticleEvents(ConsumerRecords<String, String> records) {
        intake.take(EventIntake.inOrder(records), reader::article);
    }
}
