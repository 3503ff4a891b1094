package dev.newsroom.feed.messaging;

import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import dev.newsroom.events.Topics;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordBatchMetadata;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter for newsroom.articles: each poll's records reach the read model as one batch, in order. */
@ApplicationScoped
public class ArticleEventListener {

    private final EventIntake intake;
    private final CloudEventReader reader;
    private final BatchSpan span;

    public ArticleEventListener(EventIntake intake, CloudEventReader reader, BatchSpan span) {
        this.intake = intake;
        this.reader = reader;
        this.span = span;
    }

    @Incoming("articles")
    @Blocking // the handler writes to PostgreSQL over JDBC, which blocks; ordered, so per-key order holds
    public void onArticleEvents(ConsumerRecords<String, String> records,
            IncomingKafkaRecordBatchMetadata<String, String> batch) {
        List<ConsumerRecord<String, String>> inOrder = EventIntake.inOrder(records);
        span.around(Topics.ARTICLES, inOrder, batch, () -> intake.take(inOrder, reader::article));
    }
}
