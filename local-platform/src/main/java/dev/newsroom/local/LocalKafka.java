package dev.newsroom.local;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;

/**
 * A real Apache Kafka broker (KRaft, broker and controller in one process) run from the jars that
 * Maven copied into {@code local-platform/target/kafka-lib}. Used by {@code ./newsroom} and by the
 * tests when no Docker engine is there.
 */
public final class LocalKafka {

    private final Path dataDir;
    private final Path libDir;
    private final int port;
    private final int controllerPort;

    public LocalKafka(Path dataDir, Path libDir, int port, int controllerPort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.libDir = libDir.toAbsolutePath();
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public Path logFile() {
        return dataDir.resolve("kafka.log");
    }

    /** Starts the broker, waits until it serves, creates the platform's topics; the process outlives this JVM. */
    public Process start(Duration timeout) throws IOException, InterruptedException {
        KafkaProcess.requireLib(libDir);
        Ports.requireFree(port, "Kafka broker");
        Ports.requireFree(controllerPort, "Kafka controller");
        KafkaProcess process = new KafkaProcess(dataDir, libDir, "Kafka broker");
        Path properties = process.writeConfiguration(configuration(process),
                "written by the newsroom local platform");
        if (!process.formatted()) {
            process.format(properties, Uuid.randomUuid().toString(), "--standalone");
        }
        Process broker = process.launch(properties);
        try {
            process.awaitReady(broker, timeout);
            TopicPlan.createAll(bootstrapServers());
        } catch (RuntimeException | InterruptedException e) {
            broker.destroy();
            broker.waitFor(10, TimeUnit.SECONDS);
            throw e;
        }
        return broker;
    }

    private Properties configuration(KafkaProcess process) throws IOException {
        Properties config = process.loopbackConfig(1, List.of("broker", "controller"), port, controllerPort);
        // A single-node quorum formatted --standalone finds itself through the bootstrap address.
        config.put("controller.quorum.bootstrap.servers", "127.0.0.1:" + controllerPort);
        try (InputStream settings = LocalKafka.class.getResourceAsStream("single-broker.properties")) {
            config.load(settings);
        }
        return config;
    }

    /** The platform's topics, created explicitly: partitions and configuration chosen, never auto-created. */
    public static final class TopicPlan {

        private static final Map<String, Integer> PARTITIONS = Map.of(
                "newsroom.articles", 3,
                "newsroom.media", 3,
                "newsroom.articles.dlq", 1,
                "newsroom.media.dlq", 1);

        private TopicPlan() {
        }

        public static void createAll(String bootstrapServers) {
            Properties props = new Properties();
            props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
            try (Admin admin = Admin.create(props)) {
                Set<String> existing = admin.listTopics().names().get();
                List<NewTopic> missing = PARTITIONS.entrySet().stream()
                        .filter(topic -> !existing.contains(topic.getKey()))
                        .map(topic -> new NewTopic(topic.getKey(), topic.getValue(), (short) 1)
                                .configs(configFor(topic.getKey())))
                        .collect(Collectors.toList());
                admin.createTopics(missing).all().get();
            } catch (ExecutionException e) {
                throw new InfrastructureException("creating topics failed: " + e.getCause().getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InfrastructureException("interrupted while creating topics");
            }
        }

        private static Map<String, String> configFor(String topic) {
            if (topic.endsWith(".dlq")) {
                return Map.of("retention.ms", Long.toString(Duration.ofDays(14).toMillis()));
            }
            // Every event carries the full state, so the latest per key is enough to rebuild a view by replay.
            return Map.of("cleanup.policy", "compact", "min.compaction.lag.ms",
                    Long.toString(Duration.ofHours(1).toMillis()));
        }
    }
}
