package dev.newsroom.feed.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.newsroom.events.ArticleEventType;
import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.repository.WriteMode;
import dev.newsroom.feed.service.AppliedChanges;
import dev.newsroom.feed.service.FeedCache;
import dev.newsroom.feed.service.FeedChanges;
import dev.newsroom.events.MalformedEventException;
import dev.newsroom.feed.service.ReadModelEvent;
import dev.newsroom.feed.service.ReadModelUpdater;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.TestConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Which events reach the read model, which are dead-lettered, and which are retried, without a broker. */
class EventIntakeTest {

    private static final AtomicLong OFFSETS = new AtomicLong();

    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private final List<List<ReadModelEvent>> applied = new ArrayList<>();
    private final List<String> deadLettered = new ArrayList<>();
    private final List<RuntimeException> failures = new ArrayList<>();

    private final ReadModelUpdater updater = new ReadModelUpdater(null, null, null, null, Clock.systemUTC()) {
        @Override
        public AppliedChanges apply(List<? extends ReadModelEvent> events, WriteMode mode) {
            if (!failures.isEmpty()) {
                throw failures.remove(0);
            }
            if (events.stream().anyMatch(event -> ((ReadModelEvent.Article) event).snapshot().headline()
                    .contains("too long for the database"))) {
                throw new IllegalStateException("insert failed", new SQLException("value too long", "22001"));
            }
            applied.add(List.copyOf(events));
            return new AppliedChanges(events.size(), Set.of(FeedScope.ALL), List.of());
        }
    };
    private final DeadLetters deadLetters = new DeadLetters(null, metrics) {
        @Override
        public void send(ConsumerRecord<String, String> record, Throwable reason) {
            deadLettered.add(record.key() + ": " + reason.getMessage());
        }
    };
    // an empty cache: no feed is rendered again after a change, so no FeedService is needed
    private final EventIntake intake = new EventIntake(updater, new FeedChanges(new FeedCache(new TestConfig(), metrics, Clock.systemUTC()),
            null, new WebSubNotifier(new TestConfig(), metrics), metrics, Clock.systemUTC()), deadLetters, metrics);

    @Test
    void malformedRecordsAreDeadLetteredAndTheRestAppliedInOneBatch() {
        List<ConsumerRecord<String, String>> records = List.of(record("good-1"), record("bad"), record("good-2"));

        intake.take(records, this::decode);

        assertThat(deadLettered).containsExactly("bad: cannot be understood");
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0)).hasSize(2);
    }

    @Test
    void aDatabaseOutageIsRetriedAndNothingIsDeadLettered() {
        failures.add(new IllegalStateException(new SQLException("connection refused", "08001")));
        failures.add(new IllegalStateException(new SQLException("the database system is starting up", "57P03")));

        intake.take(List.of(record("good-1"), record("good-2")), this::decode);

        assertThat(deadLettered).isEmpty();
        assertThat(applied).hasSize(1);
        assertThat(applied.get(0)).hasSize(2);
        assertThat(metrics.get("newsroom.feed.consumer.retries").counter().count()).isEqualTo(2);
    }

    @Test
    void aBatchFailingWhileTheApplicationStopsIsLeftUnacknowledgedNotDeadLettered() {
        intake.onStop(new ShutdownEvent());
        failures.add(new IllegalStateException("EntityManagerFactory is closed"));

        assertThatThrownBy(() -> intake.take(List.of(record("good-1"), record("good-2")), this::decode))
                .isInstanceOf(EventIntake.Interrupted.class);

        assertThat(deadLettered).isEmpty();
        assertThat(applied).isEmpty();
    }

    @Test
    void anEventTheDatabaseRefusesIsFoundAndOnlyItIsDeadLettered() {
        intake.take(List.of(record("good-1"), record("too-long"), record("good-2")), this::decode);

        assertThat(deadLettered).singleElement().asString().startsWith("too-long: insert failed");
        assertThat(applied).hasSize(2).allSatisfy(batch -> assertThat(batch).hasSize(1));
    }

    @Test
    void aReplaySkipsWhatCannotBeUnderstoodWithoutDeadLetteringItAgain() {
        EventIntake.Replayed replayed = intake.replay(List.of(record("good-1"), record("bad")), this::decode, 7);

        assertThat(replayed).isEqualTo(new EventIntake.Replayed(1, 1));
        assertThat(deadLettered).isEmpty();
    }

    private ReadModelEvent decode(ConsumerRecord<String, String> record) {
        if (record.key().equals("bad")) {
            throw new MalformedEventException("cannot be understood");
        }
        String headline = record.key().equals("too-long") ? "too long for the database" : "Fine " + record.key();
        return new ReadModelEvent.Article(ArticleEventType.PUBLISHED, TestArticle.headlined(headline).snapshot(),
                Instant.now());
    }

    private static ConsumerRecord<String, String> record(String key) {
        return new ConsumerRecord<>("newsroom.articles", 0, OFFSETS.getAndIncrement(), key, "{}");
    }
}
