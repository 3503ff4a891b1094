package dev.newsroom.bench.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The cluster a drill works on, as {@code ./newsroom up --cluster} started it (local-platform/cluster.sh): three
 * Kafka nodes, two replicas of each service behind haproxy. Parts are named as ./newsroom names them: kafka-1..3,
 * article-1, article-2, media-1, ..., feed-2; {@code ./newsroom start|stop <part>} restarts them.
 */
final class Cluster {

    static final List<String> TOPICS = List.of("newsroom.articles", "newsroom.media");

    final Platform platform;
    final Path data;

    Cluster(Platform platform) {
        this.platform = platform;
        this.data = platform.data.resolve("cluster");
    }

    boolean running() {
        return Files.exists(data.resolve("kafka").resolve("bootstrap.servers")) && pid("kafka-1") > 0 && pid("feed-1") > 0;
    }

    String bootstrapServers() {
        try {
            return Files.readString(data.resolve("kafka").resolve("bootstrap.servers")).trim();
        } catch (IOException e) {
            throw new IllegalStateException("the cluster is not running (./newsroom up --cluster -d)", e);
        }
    }

    /** Replica n of a service on its own port (n*10000 + the service's port), bypassing the balancer. */
    String replicaUrl(String service, int n) {
        int port = switch (service) {
            case "article" -> 8081;
            case "media" -> 8082;
            case "feed" -> 8083;
            default -> throw new IllegalArgumentException(service);
        };
        return "http://127.0.0.1:" + (port + platform.offset + 10000 * n);
    }

    /** The pid of a part from its pid file, -1 when it is not running. */
    long pid(String part) {
        Path file = part.startsWith("kafka-")
                ? data.resolve("kafka").resolve("node-" + part.substring("kafka-".length())).resolve("kafka.pid")
                : data.resolve("run").resolve(part + ".pid");
        try {
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    /** kill -9, and waits until the process is gone. */
    void kill9(String part) {
        ProcessHandle process = ProcessHandle.of(pid(part))
                .orElseThrow(() -> new IllegalStateException(part + " is not running"));
        process.destroyForcibly();
        process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** {@code ./newsroom start <part>}: returns once the part serves (a replica: ready and holding partitions). */
    Duration start(String part) {
        return platform.start(part);
    }

    /** {@code ./newsroom stop <part>}: SIGTERM, and waits until it is gone (a broker: a controlled shutdown). */
    Duration stop(String part) {
        return platform.stop(part);
    }

    Admin admin() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "2000");
        return Admin.create(config);
    }

    /**
     * Waits until every partition of the event topics has all its replicas in sync: when a rolling restart may take
     * the next broker down. Returns how long it took.
     */
    Duration awaitInSync(Duration timeout) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try (Admin admin = admin()) {
            while (System.nanoTime() < deadline) {
                try {
                    Map<String, TopicDescription> topics = admin.describeTopics(TOPICS).allTopicNames().get(3, TimeUnit.SECONDS);
                    boolean inSync = topics.values().stream().flatMap(topic -> topic.partitions().stream())
                            .allMatch(partition -> partition.leader() != null && !partition.leader().isEmpty()
                                    && partition.isr().size() == partition.replicas().size());
                    if (inSync) {
                        return Duration.ofNanos(System.nanoTime() - started);
                    }
                } catch (Exception e) {
                    // the cluster is still electing or the node is still starting
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("partitions still under-replicated after " + timeout.toSeconds() + " s");
    }

    /**
     * The feed-service group's assignment: for each member (its group.instance.id), the partitions it holds. A
     * partition held twice, or by nobody, is a split gone wrong.
     */
    Map<String, List<TopicPartition>> feedAssignment() throws Exception {
        try (Admin admin = admin()) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of("feed-service"))
                    .describedGroups().get("feed-service").get(5, TimeUnit.SECONDS);
            Map<String, List<TopicPartition>> assignment = new HashMap<>();
            for (MemberDescription member : group.members()) {
                assignment.computeIfAbsent(member.groupInstanceId().orElse(member.consumerId()), key -> new ArrayList<>())
                        .addAll(member.assignment().topicPartitions());
            }
            return assignment;
        }
    }

    /** One event on newsroom.articles: the story (key), its CloudEvents type and the snapshot's revision. */
    record ArticleEvent(String story, String type, long revision, int partition, long offset) {
    }

    /** Every event on newsroom.articles about the given stories, in the order of each partition. */
    List<ArticleEvent> articleEvents(Set<String> stories) throws IOException {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ArticleEvent> events = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = consumer.partitionsFor("newsroom.articles").stream()
                    .map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (stories.contains(record.key())) {
                        Header type = record.headers().lastHeader("ce_type");
                        long revision = Newsdesk.JSON.readTree(record.value()).path("revision").asLong(-1);
                        events.add(new ArticleEvent(record.key(), type == null ? "?" : new String(type.value()),
                                revision, record.partition(), record.offset()));
                    }
                }
            }
        }
        return events;
    }
}
