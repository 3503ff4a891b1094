package dev.newsroom.bench.drill;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import dev.newsroom.events.ArticleSnapshot;

/**
 * Every event delivered three times and out of order, as an at-least-once broker and a rebalance can: the same
 * stories, once in order into one section and three times shuffled into another, give byte-identical feeds (after
 * renaming ids and section); and delivering the first section's events again, three times shuffled, changes
 * none of its bytes.
 */
final class ChaosDelivery {

    private static final int STORIES = 20;
    private static final int REVISIONS = 3;
    private static final String TOPIC = "newsroom.articles";
    private static final String GROUP = "feed-service";
    private static final List<String> FILES = List.of("rss.xml", "atom.xml", "feed.json");
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** One event as the producer sends it; copies share the CloudEvents id, as a redelivery does. */
    private record Event(UUID article, String type, String ceId, String json) {
    }

    boolean run(Platform platform) throws Exception {
        Report report = new Report("every event delivered three times and out of order");
        Http http = new Http(Duration.ofSeconds(10));
        String run = Newsdesk.runId();
        String clean = "drill-clean-" + run;
        String mixed = "drill-mixed-" + run;
        Instant epoch = Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        List<UUID> cleanIds = new ArrayList<>();
        List<UUID> mixedIds = new ArrayList<>();
        List<Event> cleanEvents = new ArrayList<>();
        List<Event> mixedEvents = new ArrayList<>();
        for (int i = 0; i < STORIES; i++) {
            cleanIds.add(UUID.randomUUID());
            mixedIds.add(UUID.randomUUID());
            cleanEvents.addAll(story(cleanIds.get(i), clean, i, epoch));
            mixedEvents.addAll(story(mixedIds.get(i), mixed, i, epoch));
        }
        List<Event> chaos = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            chaos.addAll(mixedEvents);
        }
        Collections.shuffle(chaos, new Random(42));
        long olderAfterNewer = outOfOrder(chaos);
        report.note("%d stories x %d revisions (+ an unpublish for every fifth): %d events in order into %s, %d "
                + "(each three times, %d after a newer one of the same story) into %s", STORIES, REVISIONS,
                cleanEvents.size(), clean, chaos.size(), olderAfterNewer, mixed);
        send(platform, cleanEvents);
        send(platform, chaos);
        awaitConsumed(platform);

        Map<String, String> renames = new java.util.HashMap<>();
        renames.put(mixed, clean);
        for (int i = 0; i < STORIES; i++) {
            renames.put(mixedIds.get(i).toString(), cleanIds.get(i).toString());
        }
        int identical = 0;
        Map<String, String> cleanBodies = new java.util.HashMap<>();
        for (String file : FILES) {
            String cleanFeed = http.get(platform.feedUrl() + "/feeds/sections/" + clean + "/" + file).body();
            String mixedFeed = http.get(platform.feedUrl() + "/feeds/sections/" + mixed + "/" + file).body();
            for (var rename : renames.entrySet()) {
                mixedFeed = mixedFeed.replace(rename.getKey(), rename.getValue());
            }
            cleanBodies.put(file, cleanFeed);
            if (cleanFeed.equals(mixedFeed) && !cleanFeed.isEmpty()) {
                identical++;
            } else {
                report.note("%s differs: clean %d bytes, shuffled %d bytes", file, cleanFeed.length(),
                        mixedFeed.length());
            }
        }
        report.check("shuffled triple delivery: feeds identical to in-order (rss, atom, json)", identical == 3,
                identical + " of 3");

        List<Event> again = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            again.addAll(cleanEvents);
        }
        Collections.shuffle(again, new Random(7));
        send(platform, again);
        awaitConsumed(platform);
        int unchanged = 0;
        for (String file : FILES) {
            if (http.get(platform.feedUrl() + "/feeds/sections/" + clean + "/" + file).body()
                    .equals(cleanBodies.get(file))) {
                unchanged++;
            }
        }
        report.check("the in-order section after 3 more shuffled deliveries: byte-identical", unchanged == 3,
                unchanged + " of 3");
        return report.passed();
    }

    private static List<Event> story(UUID id, String section, int index, Instant epoch) throws Exception {
        List<Event> events = new ArrayList<>();
        Instant published = epoch.plusSeconds(index * 10L);
        for (int revision = 1; revision <= REVISIONS; revision++) {
            events.add(event(id, section, index, revision, revision == 1 ? "published" : "updated", published));
        }
        if (index % 5 == 4) {
            events.add(event(id, section, index, REVISIONS + 1, "unpublished", published));
        }
        return events;
    }

    private static Event event(UUID id, String section, int index, int revision, String kind, Instant published)
            throws Exception {
        Instant updated = published.plusSeconds(60L * (revision - 1));
        boolean gone = kind.equals("unpublished");
        ArticleSnapshot snapshot = new ArticleSnapshot(id, section + "-story-" + index, gone ? "UNPUBLISHED"
                : "PUBLISHED", "Drill story " + index + " (revision " + revision + ")",
                "What happened, revision " + revision + ".", "<p>Revision " + revision + " of the story.</p>",
                section, List.of("drill"), List.of(new ArticleSnapshot.Author("Reporter " + index)), "en", null,
                List.of(), revision, published, updated, published, published, null, null,
                revision > 2 ? "A name was misspelled." : null, gone ? "legal" : null);
        return new Event(id, "newsroom.article." + kind, UUID.randomUUID().toString(),
                JSON.writeValueAsString(snapshot));
    }

    private static long outOfOrder(List<Event> events) {
        Map<UUID, Integer> latest = new java.util.HashMap<>();
        long older = 0;
        for (Event event : events) {
            int revision = revisionOf(event);
            Integer seen = latest.get(event.article());
            if (seen != null && revision < seen) {
                older++;
            }
            latest.merge(event.article(), revision, Math::max);
        }
        return older;
    }

    private static int revisionOf(Event event) {
        int at = event.json().indexOf("\"revision\":");
        int end = event.json().indexOf(',', at);
        return Integer.parseInt(event.json().substring(at + 11, end).trim());
    }

    private static void send(Platform platform, List<Event> events) throws Exception {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (Event event : events) {
                ProducerRecord<String, String> record = new ProducerRecord<>(TOPIC, event.article().toString(),
                        event.json());
                header(record, "ce_specversion", "1.0");
                header(record, "ce_id", event.ceId());
                header(record, "ce_source", "/drills");
                header(record, "ce_type", event.type());
                header(record, "ce_time", Instant.now().toString());
                header(record, "content-type", "application/json");
                producer.send(record).get();
            }
        }
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Waits until feed-service's group has committed every record of the topic, then a moment for the caches. */
    private static void awaitConsumed(Platform platform) throws Exception {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafka());
        try (Admin admin = Admin.create(config)) {
            var partitions = admin.describeTopics(List.of(TOPIC)).allTopicNames().get().get(TOPIC).partitions()
                    .stream().map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
            partitions.forEach(partition -> latest.put(partition, OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                var committed = admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get();
                boolean done = partitions.stream().allMatch(partition -> committed.get(partition) != null
                        && committed.get(partition).offset() >= ends.get(partition).offset());
                if (done) {
                    Thread.sleep(500);
                    return;
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("feed-service did not consume the drill's events within 60 s");
        }
    }
}
