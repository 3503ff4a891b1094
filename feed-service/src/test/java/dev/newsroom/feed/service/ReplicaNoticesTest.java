package dev.newsroom.feed.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.messaging.WebSubNotifier;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.feed.support.FeedServiceTest;
import dev.newsroom.feed.support.TestArticle;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/**
 * Two replicas on one database: the running service applies a change from Kafka, and a second replica (its own
 * cache, listening on its own connection) drops exactly the feeds the change touched, keeping every other one.
 */
@QuarkusTest
class ReplicaNoticesTest extends FeedServiceTest {

    @Inject
    DataSource dataSource;
    @Inject
    WebSubNotifier websub;
    @Inject
    FeedService feeds;

    private final FeedCache otherCache = new FeedCache(1 << 20, Clock.systemUTC());
    private ReplicaNotices otherReplica;

    @BeforeEach
    void startTheOtherReplica() {
        FeedChanges changes = new FeedChanges(otherCache, feeds, websub, new SimpleMeterRegistry(), Clock.systemUTC());
        otherReplica = new ReplicaNotices(dataSource, changes);
        otherReplica.start(null);
        await().atMost(WAIT).until(otherReplica::listening);
    }

    @AfterEach
    void stopTheOtherReplica() {
        otherReplica.stop(null);
    }

    @Test
    void anotherReplicaDropsOnlyTheFeedsTheChangeTouched() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        TestArticle article = TestArticle.headlined("Heard by the other replica").section("touched-" + run)
                .tags("touched tag " + run);
        FeedCache.Key main = cached(FeedScope.ALL, FeedFormat.RSS);
        FeedCache.Key section = cached(FeedScope.section("touched-" + run), FeedFormat.ATOM);
        FeedCache.Key tag = cached(FeedScope.tag("touched tag " + run), FeedFormat.JSON_FEED);
        FeedCache.Key page = cache(new FeedCache.Key("/", 1));
        FeedCache.Key otherSection = cached(FeedScope.section("untouched-" + run), FeedFormat.RSS);
        FeedCache.Key otherTag = cached(FeedScope.tag("untouched tag " + run), FeedFormat.RSS);

        newsroom.published(article);

        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(otherCache.fresh(main)).as("the main feed").isNull();
            assertThat(otherCache.fresh(section)).as("the story's section feed").isNull();
            assertThat(otherCache.fresh(tag)).as("the story's tag feed").isNull();
            assertThat(otherCache.fresh(page)).as("the front page, which lists stories of every feed").isNull();
        });
        assertThat(otherCache.fresh(otherSection)).as("a section feed the story is not in").isNotNull();
        assertThat(otherCache.fresh(otherTag)).as("a tag feed the story is not in").isNotNull();
    }

    @Test
    void aChangeTouchingMoreFeedsThanANoticeHoldsDropsEveryFeed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] tags = IntStream.range(0, 400).mapToObj(i -> "a rather long tag name " + run + " " + i)
                .toArray(String[]::new);
        FeedCache.Key otherSection = cached(FeedScope.section("untouched-" + run), FeedFormat.RSS);

        newsroom.published(TestArticle.headlined("In very many tags").section("many-" + run).tags(tags));

        await().atMost(WAIT).untilAsserted(() -> assertThat(otherCache.fresh(otherSection))
                .as("every feed is dropped when the notice cannot name them all").isNull());
    }

    @Test
    void aNoticeNamesTheFeedsAsPathsAndFallsBackToEveryFeedWhenTooLarge() {
        ReplicaNotices notices = new ReplicaNotices(dataSource, null);
        Set<FeedScope> few = Set.of(FeedScope.ALL, FeedScope.section("world"), FeedScope.tag("New York"));
        assertThat(notices.payload(null, few).split(" ")).hasSize(6)
                .contains("/feeds/", "/feeds/sections/world/", "/feeds/tags/New%20York/");
        assertThat(notices.payload(null, Set.of()).split(" ")).hasSize(3);

        Set<FeedScope> many = new HashSet<>();
        IntStream.range(0, 400).forEach(i -> many.add(FeedScope.tag("a rather long tag name " + i)));
        String tooMany = notices.payload(null, many);
        assertThat(tooMany.length()).isLessThan(ReplicaNotices.MAX_PAYLOAD_BYTES);
        assertThat(tooMany.split(" ")).hasSize(3);
    }

    private FeedCache.Key cached(FeedScope scope, FeedFormat format) {
        return cache(FeedCache.Key.feed(scope, format, 1));
    }

    private FeedCache.Key cache(FeedCache.Key key) {
        otherCache.get(key, () -> new RenderedFeed(key.path().getBytes(StandardCharsets.UTF_8), "text/plain",
                "\"" + key.path() + "\"", Instant.EPOCH, Instant.now().plus(Duration.ofMinutes(10))));
        assertThat(otherCache.fresh(key)).as(key.path()).isNotNull();
        return key;
    }
}
