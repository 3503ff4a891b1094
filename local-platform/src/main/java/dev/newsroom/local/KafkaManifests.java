package dev.newsroom.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kafka topology that deploy/ gives production (Strimzi's KafkaNodePool, Kafka and KafkaTopic resources), read
 * from the manifests themselves so the local cluster cannot keep a second copy of the numbers.
 */
public record KafkaManifests(List<NodePool> pools, Map<String, String> brokerConfig, List<Topic> topics) {

    /** A group of identical nodes: how many, and whether they are controllers, brokers or both. */
    public record NodePool(String name, int replicas, Set<String> roles) {
    }

    /** A topic as the KafkaTopic resource declares it. */
    public record Topic(String name, int partitions, short replicas, Map<String, String> config) {
    }

    /** Reads every YAML document of the given files (e.g. deploy/base/kafka/kafka.yaml and topics.yaml). */
    public static KafkaManifests read(List<Path> files) {
        List<NodePool> pools = new ArrayList<>();
        Map<String, String> brokerConfig = new LinkedHashMap<>();
        List<Topic> topics = new ArrayList<>();
        YAMLMapper yaml = new YAMLMapper();
        for (Path file : files) {
            try (MappingIterator<JsonNode> documents = yaml.readerFor(JsonNode.class).readValues(Files.newBufferedReader(file))) {
                while (documents.hasNext()) {
                    JsonNode document = documents.next();
                    JsonNode spec = document.path("spec");
                    String name = document.path("metadata").path("name").asText();
                    switch (document.path("kind").asText()) {
                        case "KafkaNodePool" -> {
                            Set<String> roles = new java.util.TreeSet<>();
                            spec.path("roles").forEach(role -> roles.add(role.asText()));
                            pools.add(new NodePool(name, spec.path("replicas").asInt(), roles));
                        }
                        case "Kafka" -> spec.path("kafka").path("config").properties()
                                .forEach(entry -> brokerConfig.put(entry.getKey(), entry.getValue().asText()));
                        case "KafkaTopic" -> topics.add(new Topic(name, spec.path("partitions").asInt(),
                                (short) spec.path("replicas").asInt(), strings(spec.path("config"))));
                        default -> {
                        }
                    }
                }
            } catch (IOException e) {
                throw new InfrastructureException("cannot read the Kafka manifests in " + file + ": " + e.getMessage());
            }
        }
        if (pools.isEmpty() || topics.isEmpty()) {
            throw new InfrastructureException("no KafkaNodePool or no KafkaTopic in " + files);
        }
        return new KafkaManifests(List.copyOf(pools), Map.copyOf(brokerConfig), List.copyOf(topics));
    }

    private static Map<String, String> strings(JsonNode config) {
        Map<String, String> values = new LinkedHashMap<>();
        config.properties().forEach(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }
}
