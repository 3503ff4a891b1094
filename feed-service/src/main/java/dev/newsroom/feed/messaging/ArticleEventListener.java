package dev.newsroom.feed.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.newsroom.events.ArticleEventType;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.feed.service.FeedChanges;
import dev.newsroom.feed.service.ReadModelUpdater;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Transport adapter for newsroom.articles: reads the CloudEvents headers and the JSON data, hands them
 * to the transactional handler. A failure sends the record to the dead-letter topic with its reason.
 */
@ApplicationScoped
public class ArticleEventListener {

    private final ReadModelUpdater updater;
    private final FeedChanges changes;
    private final CloudEventReader reader;

    public ArticleEventListener(ReadModelUpdater updater, FeedChanges changes, CloudEventReader reader) {
        this.updater = updater;
        this.changes = changes;
        this.reader = reader;
    }

    @Incoming("articles")
    @Blocking // the handler writes to PostgreSQL through Hibernate ORM, which blocks
    public void onArticleEvent(ConsumerRecord<String, String> record) {
        CloudEventReader.Event<ArticleSnapshot> event = reader.read(record, ArticleSnapshot.class);
        ArticleEventType type = reader.type(event, ArticleEventType::fromCloudEventType);
        if (updater.applyArticle(type, event.data(), event.time())) {
            changes.committed(event.time());
        }
    }
}
