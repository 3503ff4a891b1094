package dev.newsroom.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * The AsyncAPI document says exactly what the Java contract says: the topics, the event types, the CloudEvents
 * headers, and every field of every record on the wire. A field added to a record (or a type, a topic) without
 * describing it in the document fails here; the services' tests validate their real records against it.
 */
class AsyncApiDocumentTest {

    private static final String DOCUMENT = "asyncapi/newsroom-events.yaml";
    private static final JsonNode ASYNCAPI = read();

    @Test
    void isAnAsyncApi3DocumentWhoseReferencesAllResolve() {
        assertThat(ASYNCAPI.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(ASYNCAPI.path("info").path("title").asText()).isNotBlank();
        assertThat(ASYNCAPI.path("info").path("version").asText()).isNotBlank();
        List<String> refs = new ArrayList<>();
        collectRefs(ASYNCAPI, refs);
        assertThat(refs).isNotEmpty().allSatisfy(ref -> {
            assertThat(ref).as("a reference inside the document").startsWith("#/");
            assertThat(ASYNCAPI.at(ref.substring(1)).isMissingNode()).as(ref + " resolves").isFalse();
        });
    }

    @Test
    void everyOperationUsesItsChannelsOwnMessages() {
        ASYNCAPI.path("operations").properties().forEach(operation -> {
            JsonNode op = operation.getValue();
            assertThat(op.path("action").asText()).as(operation.getKey()).isIn("send", "receive");
            String channel = op.path("channel").path("$ref").asText();
            assertThat(channel).as(operation.getKey()).startsWith("#/channels/");
            op.path("messages").forEach(message ->
                    assertThat(message.path("$ref").asText()).as(operation.getKey()).startsWith(channel + "/messages/"));
        });
    }

    @Test
    void theChannelsAreTheTopics() {
        Set<String> addresses = new TreeSet<>();
        ASYNCAPI.path("channels").forEach(channel -> {
            addresses.add(channel.path("address").asText());
            assertThat(channel.path("bindings").path("kafka").path("topic").asText())
                    .isEqualTo(channel.path("address").asText());
        });
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(constants(Topics.class));
    }

    @Test
    void everyEventTypeIsAMessageOfItsTopic() {
        assertThat(messageNames(Topics.ARTICLES)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(ArticleEventType.values()).map(ArticleEventType::cloudEventType).toList());
        assertThat(messageNames(Topics.MEDIA)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(MediaEventType.values()).map(MediaEventType::cloudEventType).toList());
        JsonNode typeHeader = schema("CloudEventHeaders").path("properties").path("ce_type");
        List<String> documented = new ArrayList<>();
        typeHeader.path("enum").forEach(type -> documented.add(type.asText()));
        assertThat(documented).containsExactlyInAnyOrderElementsOf(
                java.util.stream.Stream.concat(messageNames(Topics.ARTICLES).stream(),
                        messageNames(Topics.MEDIA).stream()).toList());
    }

    @Test
    void everyCloudEventsHeaderIsDescribed() {
        Set<String> described = new TreeSet<>();
        schema("CloudEventHeaders").path("properties").fieldNames().forEachRemaining(described::add);
        assertThat(described).containsAll(constants(CloudEventHeaders.class));
    }

    @Test
    void theArticleSchemaDescribesExactlyTheFieldsOfArticleSnapshot() {
        assertDescribesExactly(ArticleSnapshot.class, "ArticleSnapshot");
        assertThat(payloadRefs(Topics.ARTICLES)).containsOnly("#/components/schemas/ArticleSnapshot");
    }

    @Test
    void theMediaSchemaDescribesExactlyTheFieldsOfMediaAssetSnapshot() {
        assertDescribesExactly(MediaAssetSnapshot.class, "MediaAssetSnapshot");
        assertThat(payloadRefs(Topics.MEDIA)).containsOnly("#/components/schemas/MediaAssetSnapshot");
    }

    @Test
    void everySchemaIsAValidJsonSchemaDraft7() {
        // AsyncAPI's default schema format is a superset of JSON Schema draft 7; the schemas here use only draft 7.
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
        Schema metaSchema = registry.getSchema(SchemaLocation.of("http://json-schema.org/draft-07/schema#"));
        ASYNCAPI.path("components").path("schemas").properties().forEach(entry -> {
            List<Error> errors = metaSchema.validate(entry.getValue());
            assertThat(errors).as(entry.getKey()).isEmpty();
        });
    }

    /**
     * The schema's properties are the record's components, by name, and each component that is itself a record (or
     * a list of records) is described the same way by the schema its property refers to.
     */
    private static void assertDescribesExactly(Class<?> record, String schemaName) {
        JsonNode schema = schema(schemaName);
        Set<String> properties = new TreeSet<>();
        schema.path("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> components = new TreeSet<>();
        for (RecordComponent component : record.getRecordComponents()) {
            components.add(component.getName());
        }
        assertThat(properties).as("the properties of " + schemaName + " (in " + DOCUMENT + ") are the fields of "
                + record.getName() + "; describe a new field there").isEqualTo(components);
        for (RecordComponent component : record.getRecordComponents()) {
            Class<?> nested = recordIn(component.getGenericType());
            if (nested != null) {
                String ref = refIn(schema.path("properties").path(component.getName()));
                assertThat(ref).as(schemaName + "." + component.getName() + " refers to the schema of "
                        + nested.getSimpleName()).isNotNull();
                assertDescribesExactly(nested, ref.substring(ref.lastIndexOf('/') + 1));
            }
        }
    }

    /** The record class a component holds, directly or as the element of a list; null for anything else. */
    private static Class<?> recordIn(Type type) {
        if (type instanceof Class<?> plain) {
            return plain.isRecord() ? plain : null;
        }
        if (type instanceof ParameterizedType generic) {
            for (Type argument : generic.getActualTypeArguments()) {
                Class<?> found = recordIn(argument);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The first {@code $ref} in a property's schema: direct, its items, or one of its alternatives. */
    private static String refIn(JsonNode node) {
        if (node.has("$ref")) {
            return node.path("$ref").asText();
        }
        for (JsonNode child : node) {
            String found = refIn(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    private static List<String> messageNames(String topic) {
        return messages(topic).stream().map(message -> message.path("name").asText()).toList();
    }

    private static Set<String> payloadRefs(String topic) {
        Set<String> refs = new LinkedHashSet<>();
        messages(topic).forEach(message -> refs.add(message.path("payload").path("$ref").asText()));
        return refs;
    }

    private static List<JsonNode> messages(String topic) {
        for (JsonNode channel : ASYNCAPI.path("channels")) {
            if (topic.equals(channel.path("address").asText())) {
                List<JsonNode> messages = new ArrayList<>();
                channel.path("messages").forEach(ref -> messages.add(ASYNCAPI.at(ref.path("$ref").asText()
                        .substring(1))));
                return messages;
            }
        }
        throw new AssertionError("no channel for " + topic);
    }

    private static JsonNode schema(String name) {
        JsonNode schema = ASYNCAPI.path("components").path("schemas").path(name);
        assertThat(schema.isMissingNode()).as("components.schemas." + name + " in " + DOCUMENT).isFalse();
        return schema;
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getKey().equals("$ref")) {
                    refs.add(field.getValue().asText());
                } else {
                    collectRefs(field.getValue(), refs);
                }
            }
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }

    private static Set<String> constants(Class<?> holder) {
        Set<String> values = new TreeSet<>();
        for (Field field : holder.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    values.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return values;
    }

    private static JsonNode read() {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            assertThat(in).as(DOCUMENT + " on the class path").isNotNull();
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
