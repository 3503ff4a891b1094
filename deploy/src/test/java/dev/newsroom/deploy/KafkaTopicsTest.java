package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** KafkaTopic resources match the topics the services and the event contract use, sized and retained on purpose. */
class KafkaTopicsTest {

    private static final long FOURTEEN_DAYS_MS = 14L * 24 * 60 * 60 * 1000;

    static List<String> overlays() {
        return ProjectLayout.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyTopicTheServicesOrTheContractNameIsDeclaredAndNoOther(String overlay) throws IOException {
        Set<String> declared = topics(Manifests.of(overlay)).keySet();
        Set<String> used = new TreeSet<>(contractTopics());
        for (String service : ProjectLayout.SERVICES) {
            ServiceProperties properties = ServiceProperties.of(service);
            used.addAll(properties.channelTopics().values());
            used.addAll(properties.deadLetterTopics().values());
        }

        assertThat(declared).containsExactlyInAnyOrderElementsOf(used);
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void eventTopicsAreCompactedAndDeadLettersKeptFourteenDays(String overlay) throws IOException {
        Set<String> deadLetters = deadLetterTopics();
        topics(Manifests.of(overlay)).forEach((name, topic) -> {
            JsonNode config = topic.path("spec").path("config");
            if (deadLetters.contains(name)) {
                assertThat(config.path("cleanup.policy").asText()).as(name).isEqualTo("delete");
                assertThat(config.path("retention.ms").asLong()).as(name).isEqualTo(FOURTEEN_DAYS_MS);
            } else {
                // Events carry the full state: the latest record per key rebuilds a view on replay.
                assertThat(config.path("cleanup.policy").asText()).as(name).isEqualTo("compact");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void topicsBelongToTheClusterAndSurviveTheLossOfABroker(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        String kafka = Manifests.name(manifests.all("Kafka").get(0));
        int brokers = manifests.all("KafkaNodePool").get(0).path("spec").path("replicas").asInt();
        topics(manifests).forEach((name, topic) -> {
            int replicas = topic.path("spec").path("replicas").asInt();
            int minInSync = topic.path("spec").path("config").path("min.insync.replicas").asInt();
            assertThat(topic.path("metadata").path("labels").path("strimzi.io/cluster").asText()).as(name).isEqualTo(kafka);
            assertThat(replicas).as(name + " replicas").isBetween(1, brokers);
            assertThat(minInSync).as(name + " min.insync.replicas").isBetween(1, Math.max(1, replicas - 1));
        });
    }

    @Test
    void productionReplicatesThreeTimesAndAcknowledgesOnTwo() {
        Manifests production = Manifests.of("production");
        JsonNode pool = production.get("KafkaNodePool", "dual-role").path("spec");
        JsonNode config = production.all("Kafka").get(0).path("spec").path("kafka").path("config");

        assertThat(pool.path("replicas").asInt()).isEqualTo(3);
        assertThat(Manifests.strings(pool.path("roles"))).containsExactlyInAnyOrder("controller", "broker");
        assertThat(config.path("default.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("min.insync.replicas").asInt()).isEqualTo(2);
        assertThat(config.path("offsets.topic.replication.factor").asInt()).isEqualTo(3);
        assertThat(config.path("auto.create.topics.enable").asBoolean(true))
                .as("config.path(\"auto.create.topics.enable\").asBoolean(true)").isFalse();
        topics(production).forEach((name, topic) -> {
            assertThat(topic.path("spec").path("replicas").asInt()).as(name).isEqualTo(3);
            assertThat(topic.path("spec").path("config").path("min.insync.replicas").asInt()).as(name).isEqualTo(2);
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyConsumerPodCanOwnAPartition(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, ObjectNode> topics = topics(manifests);
        List<String> problems = new ArrayList<>();
        for (String service : ProjectLayout.SERVICES) {
            int pods = WorkloadPoliciesTest.maxPods(manifests, service);
            for (String topic : ServiceProperties.of(service).consumedTopics()) {
                int partitions = topics.get(topic).path("spec").path("partitions").asInt();
                if (partitions < pods) {
                    problems.add(topic + " has " + partitions + " partitions but " + service + " may run " + pods
                            + " consumers: the extra pods would sit idle");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void theReplayInstructionsNameTheRealConsumerGroups() throws IOException {
        String readme = Files.readString(ProjectLayout.deployDir().resolve("README.md"));
        for (String service : ProjectLayout.SERVICES) {
            ServiceProperties properties = ServiceProperties.of(service);
            properties.channelTopics().keySet().stream()
                    .filter(channel -> channel.startsWith("incoming "))
                    .map(channel -> properties.consumerGroup(channel.substring("incoming ".length())))
                    .forEach(group -> assertThat(readme).contains("--group " + group));
        }
    }

    /** KafkaTopic resources by Kafka topic name (spec.topicName, else metadata.name). */
    static Map<String, ObjectNode> topics(Manifests manifests) {
        Map<String, ObjectNode> topics = new HashMap<>();
        for (ObjectNode topic : manifests.all("KafkaTopic")) {
            String name = topic.path("spec").path("topicName").asText(Manifests.name(topic));
            assertThat(topics.put(name, topic)).as("topic " + name + " declared twice").isNull();
        }
        return topics;
    }

    /**
     * Dead-letter topics: those configured as a channel's dead-letter-queue, and every topic named
     * {@code <topic>.dlq}, the project's convention (Topics.java) for dead letters a service writes itself.
     */
    private static Set<String> deadLetterTopics() throws IOException {
        Set<String> topics = new TreeSet<>();
        ProjectLayout.SERVICES.forEach(service -> topics.addAll(ServiceProperties.of(service).deadLetterTopics().values()));
        contractTopics().stream().filter(topic -> topic.endsWith(".dlq")).forEach(topics::add);
        for (String service : ProjectLayout.SERVICES) {
            ServiceProperties.of(service).channelTopics().values().stream()
                    .filter(topic -> topic.endsWith(".dlq")).forEach(topics::add);
        }
        return topics;
    }

    /** The string constants of the events module's Topics class: the topics of the public contract. */
    private static Set<String> contractTopics() throws IOException {
        Path source = ProjectLayout.projectRoot().resolve("events/src/main/java/dev/newsroom/events/Topics.java");
        Matcher constant = Pattern.compile("static final String \\w+\\s*=\\s*\"([^\"]+)\"").matcher(Files.readString(source));
        Set<String> topics = new TreeSet<>();
        while (constant.find()) {
            topics.add(constant.group(1));
        }
        assertThat(topics).as("topics in " + source).isNotEmpty();
        return topics;
    }
}
