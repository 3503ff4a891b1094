package dev.newsroom.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.Uuid;

/**
 * Production's Kafka topology as local processes: one JVM per node of every KafkaNodePool in deploy/, in the roles
 * the pool gives it, with the Kafka resource's broker configuration and the KafkaTopic resources' topics. Node n
 * (from 1) listens on {@code basePort + 2(n-1)} for clients and the next port for the controller quorum.
 */
public final class KafkaCluster {

    private final Path dataDir;
    private final Path libDir;
    private final KafkaManifests manifests;
    private final int basePort;
    private final List<Node> nodes;

    /** One process of the cluster. */
    public record Node(int id, Set<String> roles, int port, int controllerPort) {
        boolean broker() {
            return roles.contains("broker");
        }

        boolean controller() {
            return roles.contains("controller");
        }
    }

    public KafkaCluster(Path dataDir, Path libDir, KafkaManifests manifests, int basePort) {
        this.dataDir = dataDir.toAbsolutePath();
        this.libDir = libDir.toAbsolutePath();
        this.manifests = manifests;
        this.basePort = basePort;
        List<Node> all = new ArrayList<>();
        for (KafkaManifests.NodePool pool : manifests.pools()) {
            for (int i = 0; i < pool.replicas(); i++) {
                int id = all.size() + 1;
                all.add(new Node(id, pool.roles(), basePort + 2 * (id - 1), basePort + 2 * (id - 1) + 1));
            }
        }
        this.nodes = List.copyOf(all);
    }

    public List<Node> nodes() {
        return nodes;
    }

    public String bootstrapServers() {
        return nodes.stream().filter(Node::broker).map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    public Path nodeDir(int id) {
        return dataDir.resolve("node-" + id);
    }

    /** Starts every node (the quorum forms only once a majority runs), waits for all, then creates the topics. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        KafkaProcess.requireLib(libDir);
        for (Node node : nodes) {
            Ports.requireFree(node.port(), "Kafka node " + node.id());
            Ports.requireFree(node.controllerPort(), "Kafka controller " + node.id());
        }
        String clusterId = clusterId();
        List<Process> started = new ArrayList<>();
        try {
            for (Node node : nodes) {
                started.add(launch(node, clusterId));
            }
            for (int i = 0; i < nodes.size(); i++) {
                process(nodes.get(i)).awaitReady(started.get(i), timeout);
            }
            createTopics();
        } catch (RuntimeException | InterruptedException | IOException e) {
            for (Process process : started) {
                process.destroy();
            }
            for (Process process : started) {
                process.waitFor(10, TimeUnit.SECONDS);
            }
            throw e;
        }
        Files.writeString(dataDir.resolve("bootstrap.servers"), bootstrapServers());
    }

    /** Starts one node of a cluster that was formatted before (a broker coming back in a drill) and waits for it. */
    public void startNode(int id, Duration timeout) throws IOException, InterruptedException {
        KafkaProcess.requireLib(libDir);
        Node node = nodes.stream().filter(n -> n.id() == id).findFirst()
                .orElseThrow(() -> new InfrastructureException("no Kafka node " + id + " in this cluster"));
        Ports.requireFree(node.port(), "Kafka node " + id);
        Process process = launch(node, clusterId());
        try {
            process(node).awaitReady(process, timeout);
        } catch (RuntimeException | InterruptedException e) {
            process.destroy();
            throw e;
        }
    }

    /**
     * Waits until every partition of the cluster's topics has all its replicas in sync again: the moment a rolling
     * restart may take the next broker down without dropping below min.insync.replicas.
     */
    public void awaitInSync(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        List<String> names = manifests.topics().stream().map(KafkaManifests.Topic::name).toList();
        try (Admin admin = admin()) {
            while (true) {
                long behind;
                try {
                    Map<String, TopicDescription> topics = admin.describeTopics(names).allTopicNames().get();
                    behind = topics.values().stream().flatMap(topic -> topic.partitions().stream())
                            .filter(partition -> partition.isr().size() < partition.replicas().size()).count();
                } catch (ExecutionException e) {
                    behind = -1;
                }
                if (behind == 0) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new InfrastructureException("partitions still under-replicated after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(200);
            }
        }
    }

    /** The cluster's id, made once and kept, so nodes formatted at different times belong to the same cluster. */
    private String clusterId() throws IOException {
        Path file = dataDir.resolve("cluster.id");
        if (!Files.exists(file)) {
            Files.createDirectories(dataDir);
            Files.writeString(file, Uuid.randomUuid().toString());
        }
        return Files.readString(file).trim();
    }

    private Process launch(Node node, String clusterId) throws IOException, InterruptedException {
        KafkaProcess process = process(node);
        // Production's broker settings first (replication factors, min.insync.replicas, no auto-created topics) ...
        Properties config = new Properties();
        config.putAll(manifests.brokerConfig());
        // ... then what makes this node a member of a cluster on loopback.
        config.putAll(process.loopbackConfig(node.id(), node.roles(), node.port(), node.controllerPort()));
        config.put("controller.quorum.voters", nodes.stream().filter(Node::controller)
                .map(n -> n.id() + "@127.0.0.1:" + n.controllerPort()).collect(Collectors.joining(",")));
        Path properties = process.writeConfiguration(config, "written by the newsroom local cluster from deploy/");
        if (!process.formatted()) {
            process.format(properties, clusterId);
        }
        return process.launch(properties);
    }

    private KafkaProcess process(Node node) {
        return new KafkaProcess(nodeDir(node.id()), libDir, "Kafka node " + node.id());
    }

    private void createTopics() throws InterruptedException {
        try (Admin admin = admin()) {
            Set<String> existing = admin.listTopics().names().get();
            List<NewTopic> missing = manifests.topics().stream()
                    .filter(topic -> !existing.contains(topic.name()))
                    .map(topic -> new NewTopic(topic.name(), topic.partitions(), topic.replicas()).configs(topic.config()))
                    .toList();
            admin.createTopics(missing).all().get();
        } catch (ExecutionException e) {
            throw new InfrastructureException("creating topics failed: " + e.getCause().getMessage());
        }
    }

    private Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "30000");
        return Admin.create(props);
    }
}
