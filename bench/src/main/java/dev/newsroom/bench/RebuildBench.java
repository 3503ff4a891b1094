package dev.newsroom.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Rebuilding the read model from 100,000 events. Step "produce" creates a pair of topics of its own and fills them:
 * 20,000 articles in four revisions each (published, then updated; one in twenty finally unpublished) and 5,000 assets
 * in four revisions, interleaved round by round as a newsroom's day would. Step "rebuild" waits until a feed-service
 * following those topics has caught up, keeps its feeds, asks it to rebuild from offset zero, and reports how long
 * that took and whether the feeds came out byte-identical.
 */
public final class RebuildBench {

    private static final int REVISIONS = 4;

    public static void main(String[] argv) throws Exception {
        Args args = new Args(argv);
        String step = args.get("step", "produce");
        String prefix = args.get("topic-prefix", "bench");
        int events = args.integer("events", 100_000);
        int articles = events * 4 / 5 / REVISIONS;
        int assets = events / 5 / REVISIONS;
        if (step.equals("produce")) {
            produce(args.get("bootstrap", "127.0.0.1:9092"), prefix, articles, assets);
        } else if (step.equals("delete-topics")) {
            deleteTopics(args.get("bootstrap", "127.0.0.1:9092"), prefix);
        } else {
            rebuild(args.get("feed-url", "http://127.0.0.1:8093"), args.get("jdbc",
                    "jdbc:postgresql://127.0.0.1:5432/newsroom_bench"), args.get("token", "local-admin-token"),
                    articles, assets);
        }
    }

    private static void produce(String bootstrap, String prefix, int articles, int assets) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            client.createTopics(List.of(new NewTopic(prefix + ".articles", 3, (short) 1),
                    new NewTopic(prefix + ".media", 3, (short) 1), new NewTopic(prefix + ".articles.dlq", 1, (short) 1),
                    new NewTopic(prefix + ".media.dlq", 1, (short) 1))).all().get();
        }
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, "20");
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, Integer.toString(512 * 1024));
        long start = System.nanoTime();
        long bytes = 0;
        int sent = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config, new StringSerializer(),
                new StringSerializer())) {
            for (int revision = 1; revision <= REVISIONS; revision++) {
                for (int i = 0; i < assets; i++) {
                    String json = Events.json(Events.asset(prefix, i, revision, ReadModelSeed.EPOCH));
                    bytes += json.length();
                    producer.send(record(prefix + ".media", Events.assetId(prefix, i),
                            revision == 1 ? "newsroom.media.created" : "newsroom.media.updated", json));
                    sent++;
                }
                for (int i = 0; i < articles; i++) {
                    boolean unpublish = revision == REVISIONS && i % 20 == 0;
                    String json = Events.json(Events.article(prefix, i, revision, unpublish ? "UNPUBLISHED"
                            : "PUBLISHED", ReadModelSeed.EPOCH, assets));
                    bytes += json.length();
                    producer.send(record(prefix + ".articles", Events.articleId(prefix, i), unpublish
                            ? "newsroom.article.unpublished" : revision == 1 ? "newsroom.article.published"
                            : "newsroom.article.updated", json));
                    sent++;
                }
            }
            producer.flush();
        }
        System.out.printf("produced %,d events (%,d articles x %d, %,d assets x %d; %.0f MB of JSON) in %.1f s%n",
                sent, articles, REVISIONS, assets, REVISIONS, bytes / 1e6, (System.nanoTime() - start) / 1e9);
    }

    /** The run's topics go when it ends: a rebuild run leaves about 200 MB in the platform's broker otherwise. */
    private static void deleteTopics(String bootstrap, String prefix) throws Exception {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (Admin client = Admin.create(admin)) {
            List<String> topics = client.listTopics().names().get().stream()
                    .filter(topic -> topic.startsWith(prefix + ".")).toList();
            client.deleteTopics(topics).all().get();
        }
    }

    private static ProducerRecord<String, String> record(String topic, UUID key, String type, String json) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key.toString(), json);
        header(record, "ce_specversion", "1.0");
        header(record, "ce_id", UUID.randomUUID().toString());
        header(record, "ce_source", "/bench");
        header(record, "ce_type", type);
        header(record, "ce_time", Instant.now().toString());
        header(record, "content-type", "application/json");
        return record;
    }

    private static void header(ProducerRecord<String, String> record, String name, String value) {
        record.headers().add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static void rebuild(String feeds, String jdbc, String token, int articles, int assets) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        long waitStart = System.nanoTime();
        try (Connection db = DriverManager.getConnection(jdbc, "postgres", "")) {
            while (true) {
                long doneArticles = count(db, "SELECT count(*) FROM feed.feed_article WHERE revision = " + REVISIONS);
                long doneAssets = count(db, "SELECT count(*) FROM feed.feed_media WHERE revision = " + REVISIONS);
                if (doneArticles == articles && doneAssets == assets) {
                    break;
                }
                if (System.nanoTime() - waitStart > TimeUnit.MINUTES.toNanos(10)) {
                    throw new IllegalStateException("the live consumers did not catch up within 10 minutes: "
                            + doneArticles + " articles, " + doneAssets + " assets at their last revision");
                }
                TimeUnit.MILLISECONDS.sleep(250);
            }
        }
        System.out.printf("live consumption of the topics complete (%.1f s after this step started waiting)%n",
                (System.nanoTime() - waitStart) / 1e9);

        List<String> paths = List.of("/feeds/rss.xml", "/feeds/atom.xml", "/feeds/feed.json",
                "/feeds/sections/section-3/atom.xml", "/feeds/tags/tag-7/rss.xml", "/feeds/feed.json?page=7");
        List<byte[]> before = new ArrayList<>();
        for (String path : paths) {
            before.add(get(http, feeds + path));
        }
        long start = System.nanoTime();
        HttpResponse<String> started = http.send(HttpRequest.newBuilder(URI.create(feeds + "/admin/rebuild"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (started.statusCode() != 202) {
            throw new IllegalStateException("POST /admin/rebuild answered " + started.statusCode() + ": "
                    + started.body());
        }
        String location = URI.create(feeds + "/").resolve(started.headers().firstValue("Location").orElseThrow())
                .toString();
        JsonNode status;
        while (true) {
            status = Events.JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(location))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()).body());
            if (!"RUNNING".equals(status.path("status").asText())) {
                break;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        double clientSeconds = (System.nanoTime() - start) / 1e9;
        Duration server = Duration.between(Instant.parse(status.path("startedAt").asText()),
                Instant.parse(status.path("finishedAt").asText()));
        System.out.printf("rebuild %s: %,d events applied, %,d skipped; %.1f s (client: POST to DONE seen), "
                        + "%.1f s (server: started to finished)%n", status.path("status").asText(),
                status.path("events").asLong(), status.path("skipped").asLong(), clientSeconds,
                server.toMillis() / 1e3);
        int identical = 0;
        for (int i = 0; i < paths.size(); i++) {
            byte[] after = get(http, feeds + paths.get(i));
            boolean same = Arrays.equals(after, before.get(i));
            identical += same ? 1 : 0;
            System.out.printf("  %-36s %s%n", paths.get(i), same ? "byte-identical" : "DIFFERS");
        }
        System.out.printf("feeds byte-identical after the rebuild: %d of %d%n", identical, paths.size());
    }

    private static byte[] get(HttpClient http, String url) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + response.statusCode());
        }
        return response.body();
    }

    private static long count(Connection db, String sql) throws Exception {
        try (ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

}
