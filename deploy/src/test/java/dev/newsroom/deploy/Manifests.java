package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The objects of one rendered overlay, plus the Secrets its operator creates by hand, with the look-ups tests need. */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class Manifests {

    /** Quarkus' quarkus.datasource.jdbc.max-size when nothing sets it. */
    private static final int AGROAL_DEFAULT_MAX_SIZE = 20;

    private final String overlay;
    private final List<ObjectNode> rendered;
    private final List<ObjectNode> externalSecrets;

    static Manifests of(String overlay) {
        Path template = ProjectLayout.externalSecretsTemplate(overlay);
        List<ObjectNode> external = Files.isRegularFile(template) ? Kustomize.readFile(template) : List.of();
        return new Manifests(overlay, Kustomize.overlay(overlay), external);
    }

    String overlay() {
        return overlay;
    }

    List<ObjectNode> rendered() {
        return rendered;
    }

    List<ObjectNode> externalSecrets() {
        return externalSecrets;
    }

    List<ObjectNode> all(String kind) {
        return rendered.stream().filter(object -> kind.equals(object.path("kind").asText())).toList();
    }

    Optional<ObjectNode> find(String kind, String name) {
        return all(kind).stream().filter(object -> name.equals(name(object))).findFirst();
    }

    ObjectNode get(String kind, String name) {
        return find(kind, name).orElseThrow(() -> new AssertionError(
                "overlay " + overlay + " renders no " + kind + " named " + name));
    }

    ObjectNode deployment(String service) {
        return get("Deployment", service);
    }

    /** The container that runs the service: the one named like its Deployment. */
    JsonNode container(String service) {
        for (JsonNode container : deployment(service).path("spec").path("template").path("spec").path("containers")) {
            if (service.equals(container.path("name").asText())) {
                return container;
            }
        }
        throw new AssertionError("Deployment " + service + " in " + overlay + " has no container named " + service);
    }

    /** Keys of a ConfigMap in the render, or empty when it does not exist. */
    Optional<Set<String>> configMapKeys(String name) {
        return find("ConfigMap", name).map(map -> keys(map, "data", "binaryData"));
    }

    /** The ConfigMap a service's container takes its settings from (its first envFrom). */
    String configMapOf(String service) {
        return container(service).path("envFrom").get(0).path("configMapRef").path("name").asText();
    }

    /** The most database connections one pod of this service opens: its ConfigMap's setting, else its own. */
    int connectionPoolMax(String service) {
        return configMapValue(configMapOf(service), "QUARKUS_DATASOURCE_JDBC_MAX_SIZE")
                .or(() -> ServiceProperties.of(service).value("quarkus.datasource.jdbc.max-size"))
                .map(Integer::parseInt).orElse(AGROAL_DEFAULT_MAX_SIZE);
    }

    Optional<String> configMapValue(String name, String key) {
        return find("ConfigMap", name).map(map -> map.path("data").path(key)).filter(JsonNode::isTextual)
                .map(JsonNode::asText);
    }

    /** Keys of a Secret rendered by the overlay or listed in its secrets.example.yaml. */
    Optional<Set<String>> secretKeys(String name) {
        return secret(name).map(secret -> keys(secret, "data", "stringData"));
    }

    Optional<ObjectNode> secret(String name) {
        Optional<ObjectNode> generated = find("Secret", name);
        if (generated.isPresent()) {
            return generated;
        }
        return externalSecrets.stream().filter(secret -> name.equals(name(secret))).findFirst();
    }

    /** A Secret value, decoded when it is in data, as written when in stringData. */
    Optional<String> secretValue(String name, String key) {
        return secret(name).flatMap(secret -> {
            JsonNode plain = secret.path("stringData").path(key);
            if (plain.isTextual()) {
                return Optional.of(plain.asText());
            }
            JsonNode encoded = secret.path("data").path(key);
            return encoded.isTextual()
                    ? Optional.of(new String(Base64.getDecoder().decode(encoded.asText()), StandardCharsets.UTF_8))
                    : Optional.empty();
        });
    }

    /**
     * Every environment variable name the service's container gets, mapped to where it comes from
     * ("ConfigMap name", "Secret name" or "value");
     * a reference to a missing ConfigMap, Secret or key is reported in {@code problems}.
     */
    Map<String, String> environment(String service, List<String> problems) {
        JsonNode container = container(service);
        Map<String, String> environment = new HashMap<>();
        for (JsonNode from : container.path("envFrom")) {
            String prefix = from.path("prefix").asText("");
            for (Source source : Source.values()) {
                if (from.has(source.allKeys)) {
                    String name = from.path(source.allKeys).path("name").asText();
                    Optional<Set<String>> keys = keys(source, name);
                    if (keys.isEmpty()) {
                        problems.add(service + ": envFrom " + source.kind + " " + name + " " + source.missing);
                    }
                    keys.orElse(Set.of()).forEach(key -> environment.put(prefix + key, source.kind + " " + name));
                }
            }
        }
        for (JsonNode variable : container.path("env")) {
            String name = variable.path("name").asText();
            JsonNode from = variable.path("valueFrom");
            String origin = "value";
            for (Source source : Source.values()) {
                if (from.has(source.oneKey)) {
                    String object = from.path(source.oneKey).path("name").asText();
                    String key = from.path(source.oneKey).path("key").asText();
                    if (!keys(source, object).orElse(Set.of()).contains(key)) {
                        problems.add(service + ": " + name + " refers to " + source.kind + " key " + object + "/" + key
                                + ", which " + source.missing);
                    }
                    origin = source.kind + " " + object;
                }
            }
            environment.put(name, origin);
        }
        return environment;
    }

    /** Where a container's variables come from, with the fields that refer to it and what a missing one means. */
    @RequiredArgsConstructor
    private enum Source {
        CONFIG_MAP("ConfigMap", "configMapRef", "configMapKeyRef", "is not rendered"),
        SECRET("Secret", "secretRef", "secretKeyRef", "is neither rendered nor listed in secrets.example.yaml");

        final String kind;
        final String allKeys;
        final String oneKey;
        final String missing;
    }

    private Optional<Set<String>> keys(Source source, String name) {
        return source == Source.CONFIG_MAP ? configMapKeys(name) : secretKeys(name);
    }

    static String name(JsonNode object) {
        return object.path("metadata").path("name").asText();
    }

    static String describe(JsonNode object) {
        return object.path("kind").asText() + "/" + name(object);
    }

    private static Set<String> keys(JsonNode object, String... fields) {
        Set<String> keys = new TreeSet<>();
        for (String field : fields) {
            object.path(field).fieldNames().forEachRemaining(keys::add);
        }
        return keys;
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }
}
