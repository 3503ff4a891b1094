package dev.newsroom.media.messaging;

import lombok.RequiredArgsConstructor;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.CloudEventRecord;
import dev.newsroom.events.MalformedEventException;
import dev.newsroom.media.repository.AssetUses;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;

/** Transport adapter for newsroom.articles: keeps the replica of which assets live and scheduled stories use. */
@RequiredArgsConstructor
@ApplicationScoped
public class ArticleEventListener {

    private final AssetUses uses;
    private final ObjectMapper json;

    @Incoming("articles")
    @Blocking // the replica is written through Hibernate ORM, which blocks
    public void onArticleEvent(ConsumerRecord<String, String> record) {
        // What cannot be read fails the record, which sends it to the dead-letter topic for someone to look at.
        ArticleSnapshot article = CloudEventRecord.read(record, ArticleSnapshot.class, json).data();
        if (article.id() == null) {
            throw new MalformedEventException("record at offset " + record.offset() + " carries no article id");
        }
        uses.apply(article);
    }
}
