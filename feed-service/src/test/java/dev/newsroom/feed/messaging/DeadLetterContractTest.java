package dev.newsroom.feed.messaging;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.newsroom.events.Topics;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.testsupport.EventContract;
import dev.newsroom.testsupport.Infrastructure;
import dev.newsroom.testsupport.TopicReader;

import io.quarkus.test.junit.QuarkusTest;

/** The dead letters feed-service really writes are what the AsyncAPI document says of the .dlq topics. */
@QuarkusTest
class DeadLetterContractTest extends FeedServiceTest {

    private final EventContract contract = EventContract.load();

    @Test
    void deadLettersOfBothTopicsMeetTheDocument() {
        String article = UUID.randomUUID().toString();
        String asset = UUID.randomUUID().toString();
        newsroom.raw(Topics.ARTICLES, article, "newsroom.article.published", "{not json");
        newsroom.raw(Topics.MEDIA, asset, "newsroom.media.updated", "{\"id\":\"" + asset + "\",\"revision\":\"x\"}");
        try (TopicReader articles = new TopicReader(Infrastructure.shared().bootstrapServers(),
                Topics.ARTICLES_DEAD_LETTER);
                TopicReader media = new TopicReader(Infrastructure.shared().bootstrapServers(),
                        Topics.MEDIA_DEAD_LETTER)) {
            contract.assertConforms(articles.awaitRecords(article, 1, WAIT).get(0));
            contract.assertConforms(media.awaitRecords(asset, 1, WAIT).get(0));
        }
    }
}
