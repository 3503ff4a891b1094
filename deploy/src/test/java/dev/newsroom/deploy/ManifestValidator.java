package dev.newsroom.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Deployment;
import io.kubernetes.client.openapi.models.V1Ingress;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NetworkPolicy;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PodDisruptionBudget;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServiceAccount;
import io.kubernetes.client.openapi.models.V2HorizontalPodAutoscaler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Validates rendered objects offline against the schemas of the APIs they belong to.
 *
 * <ul>
 *   <li>Kubernetes kinds: the validators io.kubernetes:client-java-api generates from the Kubernetes
 *       OpenAPI document (unknown fields, required fields), then its Gson models (types, quantities).</li>
 *   <li>Strimzi kinds: the openAPIV3Schema of the CRDs the build generates from io.strimzi:api.</li>
 *   <li>CloudNativePG kinds: the subset of its v1 API kept in src/test/resources/schemas.</li>
 *   <li>Prometheus Operator kinds (PodMonitor, ServiceMonitor, PrometheusRule) and the Barman Cloud plugin's
 *       ObjectStore: the subsets kept there too.</li>
 * </ul>
 * CRD schemas are checked strictly, as {@code kubectl apply} does by default: a field the schema does
 * not declare is an error unless the schema says x-kubernetes-preserve-unknown-fields.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ManifestValidator {

    private static final ObjectMapper JSON_MAPPER = new ObjectMapper();
    private static final Map<String, Class<?>> KUBERNETES_KINDS = Map.ofEntries(
            Map.entry("v1/Namespace", V1Namespace.class),
            Map.entry("v1/ConfigMap", V1ConfigMap.class),
            Map.entry("v1/Secret", V1Secret.class),
            Map.entry("v1/Service", V1Service.class),
            Map.entry("v1/ServiceAccount", V1ServiceAccount.class),
            Map.entry("v1/PersistentVolumeClaim", V1PersistentVolumeClaim.class),
            Map.entry("apps/v1/Deployment", V1Deployment.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", V2HorizontalPodAutoscaler.class),
            Map.entry("policy/v1/PodDisruptionBudget", V1PodDisruptionBudget.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", V1NetworkPolicy.class),
            Map.entry("networking.k8s.io/v1/Ingress", V1Ingress.class));
    private static final Set<String> STRIMZI_CRDS = Set.of("kafka.json", "kafkanodepool.json", "kafkatopic.json");

    private static ManifestValidator shared;

    private final Map<String, JsonSchema> customResources;

    static synchronized ManifestValidator shared() {
        if (shared == null) {
            Map<String, JsonSchema> schemas = new HashMap<>();
            loadStrimzi(schemas);
            loadHandKept("/schemas/cloudnative-pg-v1.json", "postgresql.cnpg.io/v1", schemas);
            loadHandKept("/schemas/prometheus-operator-v1.json", "monitoring.coreos.com/v1", schemas);
            loadHandKept("/schemas/barman-cloud-v1.json", "barmancloud.cnpg.io/v1", schemas);
            new JSON();
            shared = new ManifestValidator(schemas);
        }
        return shared;
    }

    /** Every problem found in one object; empty when it is valid. */
    List<String> validate(JsonNode object) {
        String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
        List<String> problems = new ArrayList<>();
        Class<?> model = KUBERNETES_KINDS.get(type);
        JsonSchema schema = customResources.get(type);
        if (model != null) {
            validateKubernetes(model, object, problems);
        } else if (schema != null) {
            validateKubernetes(V1ObjectMeta.class, object.path("metadata"), problems);
            for (ValidationMessage message : schema.validate(object)) {
                problems.add(message.getMessage());
            }
        } else {
            problems.add("no schema known for " + type + " (a typo, a removed API version, or a kind to add to "
                    + ManifestValidator.class.getSimpleName() + ")");
        }
        return problems;
    }

    private static void validateKubernetes(Class<?> model, JsonNode object, List<String> problems) {
        JsonElement element = JsonParser.parseString(object.toString());
        try {
            model.getMethod("validateJsonElement", JsonElement.class).invoke(null, element);
            JSON.getGson().fromJson(element, model);
        } catch (InvocationTargetException e) {
            problems.add(model.getSimpleName() + ": " + e.getCause().getMessage());
        } catch (RuntimeException e) {
            problems.add(model.getSimpleName() + ": " + e.getMessage());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("client-java-api changed: " + model, e);
        }
    }

    private static void loadStrimzi(Map<String, JsonSchema> schemas) {
        String configured = System.getProperty("newsroom.strimzi.crds");
        Path dir = configured != null ? Path.of(configured) : ProjectLayout.deployDir().resolve("target/strimzi-crds");
        for (String file : STRIMZI_CRDS) {
            Path crdFile = dir.resolve(file);
            if (!Files.isRegularFile(crdFile)) {
                throw new IllegalStateException(crdFile + " is missing: the Maven build writes it in the phase "
                        + "generate-test-resources (run the tests through ./mvnw)");
            }
            try {
                JsonNode crd = JSON_MAPPER.readTree(crdFile.toFile());
                String group = crd.path("spec").path("group").asText();
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    ObjectNode schema = strict(version.path("schema").path("openAPIV3Schema").deepCopy());
                    // Strimzi marks spec required in v1 with @RequiredInVersions, which the Java 17 generator
                    // predates; every v1 object of these kinds must have a spec.
                    if ("v1".equals(version.path("name").asText())) {
                        requireField(schema, "spec");
                    }
                    schemas.put(group + "/" + version.path("name").asText() + "/" + kind, compile(schema));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** A hand-kept subset of an operator's API (src/test/resources/schemas), for operators that publish no CRD artifact. */
    private static void loadHandKept(String resource, String apiVersion, Map<String, JsonSchema> schemas) {
        try (InputStream in = ManifestValidator.class.getResourceAsStream(resource)) {
            JsonNode kinds = JSON_MAPPER.readTree(in).path("kinds");
            kinds.fieldNames().forEachRemaining(kind ->
                    schemas.put(apiVersion + "/" + kind, compile(strict(kinds.path(kind).deepCopy()))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema compile(ObjectNode schema) {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(schema);
    }

    private static void requireField(ObjectNode schema, String field) {
        ArrayNode required = schema.has("required") ? (ArrayNode) schema.get("required") : schema.putArray("required");
        for (JsonNode existing : required) {
            if (field.equals(existing.asText())) {
                return;
            }
        }
        required.add(field);
    }

    /**
     * Turns an OpenAPI v3 structural schema into a JSON Schema (draft 4) that refuses undeclared fields.
     * Only structural positions (properties, items, additionalProperties) are closed; the branches of
     * oneOf/anyOf/allOf/not are constraints that must stay open.
     */
    static ObjectNode strict(ObjectNode schema) {
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            ObjectNode intOrString = JsonNodeFactory.instance.objectNode();
            ArrayNode anyOf = intOrString.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
            return intOrString;
        }
        if (schema.path("nullable").asBoolean(false) && schema.path("type").isTextual()) {
            String type = schema.path("type").asText();
            ArrayNode types = schema.putArray("type");
            types.add(type);
            types.add("null");
        }
        boolean preservesUnknown = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if (schema.has("properties") && !schema.has("additionalProperties") && !preservesUnknown) {
            schema.put("additionalProperties", false);
        }
        if (schema.path("properties") instanceof ObjectNode properties) {
            for (Iterator<String> names = properties.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (properties.get(name) instanceof ObjectNode property) {
                    properties.set(name, strict(property));
                }
            }
        }
        if (schema.path("items") instanceof ObjectNode items) {
            schema.set("items", strict(items));
        }
        if (schema.path("additionalProperties") instanceof ObjectNode additional) {
            schema.set("additionalProperties", strict(additional));
        }
        return schema;
    }
}
