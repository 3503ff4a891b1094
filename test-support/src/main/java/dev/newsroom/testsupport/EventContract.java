package dev.newsroom.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

/**
 * The event contract as the AsyncAPI document in the events jar states it, applied to real Kafka records: the
 * record's topic names the channel, its {@code ce_type} the message, whose header, key and payload schemas the
 * record must meet (JSON Schema draft 7, AsyncAPI's default schema format, validated by networknt's validator).
 * Stricter than a consumer needs to be: an object may carry no property the document does not describe, unless
 * the document says {@code additionalProperties: true}; so a producer cannot add a field without documenting it.
 */
public final class EventContract {

    /** Where the document is, in the events jar. */
    public static final String DOCUMENT = "asyncapi/newsroom-events.yaml";

    private static final String BASE = "https://newsroom.invalid/" + DOCUMENT;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode document;
    private final SchemaRegistry schemas;

    private EventContract(JsonNode document) {
        this.document = document;
        ObjectNode strict = document.deepCopy();
        closeObjects(strict.path("components"));
        String text;
        try {
            text = JSON.writeValueAsString(strict);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7, builder -> builder
                .schemas(Map.of(BASE, text))
                .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    }

    public static EventContract load() {
        return new EventContract(document());
    }

    /** The AsyncAPI document as a tree. */
    public static JsonNode document() {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the class path (the events jar ships it)");
            }
            return new YAMLMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails, naming every difference, unless the record is as the document describes its topic's messages. */
    public void assertConforms(ConsumerRecord<String, String> record) {
        List<String> problems = problems(record);
        if (!problems.isEmpty()) {
            throw new AssertionError("record " + record.topic() + "-" + record.partition() + "@" + record.offset()
                    + " does not meet " + DOCUMENT + ":\n  " + String.join("\n  ", problems)
                    + "\nheaders: " + TopicReader.headers(record) + "\nvalue: " + record.value());
        }
    }

    /** What is wrong with a record, as the document sees it; empty when it conforms. */
    public List<String> problems(ConsumerRecord<String, String> record) {
        Map<String, String> headers = TopicReader.headers(record);
        List<String> problems = new ArrayList<>();
        String message = messagePointer(record.topic(), headers.get("ce_type"), problems);
        if (message == null) {
            return problems;
        }
        ObjectNode headerNode = JsonNodeFactory.instance.objectNode();
        headers.forEach(headerNode::put);
        check("headers", message + "/headers", headerNode, problems);
        check("key", message + "/bindings/kafka/key",
                record.key() == null ? JsonNodeFactory.instance.nullNode() : TextNode.valueOf(record.key()), problems);
        JsonNode payload = payload(message, record.value(), problems);
        if (payload != null) {
            check("payload", message + "/payload", payload, problems);
        }
        return problems;
    }

    /** The JSON pointer of the message the record is, or null (with the reason added) when the topic has none. */
    private String messagePointer(String topic, String type, List<String> problems) {
        for (JsonNode channel : document.path("channels")) {
            if (!topic.equals(channel.path("address").asText())) {
                continue;
            }
            List<String> candidates = new ArrayList<>();
            channel.path("messages").forEach(ref -> candidates.add(ref.path("$ref").asText()));
            for (String candidate : candidates) {
                if (at(candidate).path("name").asText().equals(type)) {
                    return candidate;
                }
            }
            if (candidates.size() == 1) {
                return candidates.get(0); // a channel of one kind of message (dead letters) whatever ce_type says
            }
            problems.add("channel " + topic + " has no message named " + type);
            return null;
        }
        problems.add("no channel has the address " + topic);
        return null;
    }

    /** The value as the message's content type reads it: JSON parsed, anything else as text. */
    private JsonNode payload(String message, String value, List<String> problems) {
        String contentType = at(message).path("contentType").asText(document.path("defaultContentType").asText());
        if (value == null || !"application/json".equals(contentType)) {
            return value == null ? JsonNodeFactory.instance.nullNode() : TextNode.valueOf(value);
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            problems.add("payload: not JSON: " + e.getOriginalMessage());
            return null;
        }
    }

    private void check(String part, String pointer, JsonNode instance, List<String> problems) {
        Schema schema = schemas.getSchema(SchemaLocation.of(BASE + pointer));
        for (Error error : schema.validate(instance)) {
            problems.add(part + ": " + error);
        }
    }

    private JsonNode at(String ref) {
        return document.at(ref.substring(1));
    }

    /** Every object schema without a word on additional properties gets {@code additionalProperties: false}. */
    private static void closeObjects(JsonNode node) {
        if (node instanceof ObjectNode object) {
            if ("object".equals(object.path("type").asText()) && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> children = object.elements(); children.hasNext(); ) {
                closeObjects(children.next());
            }
        } else if (node.isArray()) {
            node.forEach(EventContract::closeObjects);
        }
    }
}
