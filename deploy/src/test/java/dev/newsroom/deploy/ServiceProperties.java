package dev.newsroom.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * What a service's own sources say it needs and serves in the prod profile (the one its container
 * image runs): read from src/main/resources/application.properties and pom.xml at test time, so
 * the tests follow the services as they change.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class ServiceProperties {

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}:]+)(:[^}]*)?}");
    private static final Pattern ENVIRONMENT_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern CHANNEL_TOPIC =
            Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.topic");
    private static final Pattern DEAD_LETTER_TOPIC =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.dead-letter-queue\\.topic");
    private static final Pattern FAILURE_STRATEGY =
            Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.failure-strategy");

    private final String service;
    private final Map<String, String> prod;
    private final String pom;

    static ServiceProperties of(String service) {
        Path dir = ProjectLayout.serviceDir(service);
        Path file = dir.resolve("src/main/resources/application.properties");
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(service + " has no " + ProjectLayout.projectRoot().relativize(file)
                    + ": deploy/ cannot check what it needs");
        }
        Properties raw = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            raw.load(reader);
            return new ServiceProperties(service, prodView(raw), Files.readString(dir.resolve("pom.xml")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Property values as the prod profile sees them: a %prod. entry wins over the plain one. */
    private static Map<String, String> prodView(Properties raw) {
        Map<String, String> plain = new TreeMap<>();
        Map<String, String> profiled = new TreeMap<>();
        for (String key : raw.stringPropertyNames()) {
            String value = raw.getProperty(key).trim();
            if (!key.startsWith("%")) {
                plain.put(key, value);
                continue;
            }
            int dot = key.indexOf('.');
            Set<String> profiles = Set.of(key.substring(1, dot).split(","));
            if (profiles.contains("prod")) {
                profiled.put(key.substring(dot + 1), value);
            }
        }
        Map<String, String> view = new TreeMap<>(plain);
        view.putAll(profiled);
        return view;
    }

    String service() {
        return service;
    }

    Optional<String> value(String key) {
        return Optional.ofNullable(prod.get(key)).map(this::resolve);
    }

    /**
     * Environment variables the prod profile cannot start without: every {@code ${NAME}} without a
     * default in an effective prod value, where NAME is not itself a configuration property.
     */
    Map<String, String> requiredEnvironment() {
        Map<String, String> required = new TreeMap<>();
        prod.forEach((key, value) -> {
            Matcher matcher = EXPRESSION.matcher(value);
            while (matcher.find()) {
                String name = matcher.group(1);
                if (matcher.group(2) == null && ENVIRONMENT_NAME.matcher(name).matches() && !prod.containsKey(name)) {
                    required.put(name, key);
                }
            }
        });
        return required;
    }

    /** The port of the application's HTTP server: quarkus.http.port, 8080 when unset. */
    int httpPort() {
        return value("quarkus.http.port").map(Integer::parseInt).orElse(8080);
    }

    /** Where /q/health and /q/metrics are served: the management interface when it is enabled. */
    int observabilityPort() {
        boolean management = value("quarkus.management.enabled").map(Boolean::parseBoolean).orElse(false);
        return management ? value("quarkus.management.port").map(Integer::parseInt).orElse(9000) : httpPort();
    }

    /** The root of Quarkus' non-application endpoints (/q unless configured otherwise). */
    String nonApplicationRoot() {
        String root = value("quarkus.http.non-application-root-path").orElse("q");
        String rootPath = value("quarkus.http.root-path").orElse("/");
        String path = root.startsWith("/") ? root : (rootPath.endsWith("/") ? rootPath : rootPath + "/") + root;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    boolean hasDependency(String artifactId) {
        return pom.contains("<artifactId>" + artifactId + "</artifactId>");
    }

    /** The image the Quarkus container-image extension builds: group/name:tag, without a registry. */
    String image() {
        String group = value("quarkus.container-image.group").orElseThrow(() ->
                new AssertionError(service + ": quarkus.container-image.group is not set"));
        String name = value("quarkus.container-image.name").orElse(service);
        String tag = value("quarkus.container-image.tag").orElseGet(this::version);
        return group + "/" + name + ":" + tag;
    }

    /** The project version the service is built with: its own, or its parent's. */
    String version() {
        try {
            Element project = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new InputSource(new StringReader(pom))).getDocumentElement();
            Optional<String> own = childText(project, "version");
            if (own.isPresent()) {
                return own.get();
            }
            Optional<Element> parent = child(project, "parent");
            if (parent.isPresent()) {
                return childText(parent.get(), "version").orElseThrow();
            }
        } catch (ParserConfigurationException | SAXException | IOException e) {
            throw new AssertionError(service + ": cannot read pom.xml: " + e.getMessage(), e);
        }
        throw new AssertionError(service + ": no version in pom.xml");
    }

    private static Optional<String> childText(Element element, String name) {
        return child(element, name).map(child -> child.getTextContent().trim());
    }

    private static Optional<Element> child(Element element, String name) {
        for (Node child = element.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element candidate && name.equals(candidate.getTagName())) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Kafka topics of the service's channels, keyed by "incoming channel" or "outgoing channel". */
    Map<String, String> channelTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        prod.keySet().forEach(key -> {
            Matcher matcher = CHANNEL_TOPIC.matcher(key);
            if (matcher.matches()) {
                topics.put(matcher.group(1) + " " + matcher.group(2), value(key).orElseThrow());
            }
        });
        return topics;
    }

    /** Topics of incoming channels (what this service consumes). */
    Set<String> consumedTopics() {
        Set<String> topics = new TreeSet<>();
        channelTopics().forEach((channel, topic) -> {
            if (channel.startsWith("incoming ")) {
                topics.add(topic);
            }
        });
        return topics;
    }

    /**
     * Dead-letter topics: the configured one for each incoming channel whose failure strategy is
     * dead-letter-queue, or SmallRye's default name when none is configured.
     */
    Map<String, String> deadLetterTopics() {
        Map<String, String> topics = new LinkedHashMap<>();
        prod.forEach((key, value) -> {
            Matcher strategy = FAILURE_STRATEGY.matcher(key);
            if (strategy.matches() && "dead-letter-queue".equals(resolve(value))) {
                String channel = strategy.group(1);
                String configured = prod.get("mp.messaging.incoming." + channel + ".dead-letter-queue.topic");
                String topic = prod.get("mp.messaging.incoming." + channel + ".topic");
                topics.put(channel, configured != null ? resolve(configured)
                        : "dead-letter-topic-" + (topic != null ? resolve(topic) : channel));
            }
        });
        prod.forEach((key, value) -> {
            Matcher matcher = DEAD_LETTER_TOPIC.matcher(key);
            if (matcher.matches()) {
                topics.putIfAbsent(matcher.group(1), resolve(value));
            }
        });
        return topics;
    }

    /** Consumer group of an incoming channel: its group.id, else kafka.group.id, else the application name. */
    String consumerGroup(String channel) {
        return value("mp.messaging.incoming." + channel + ".group.id")
                .or(() -> value("kafka.group.id"))
                .or(() -> value("quarkus.application.name"))
                .orElse(service);
    }

    /** Schemas Flyway migrates (quarkus.flyway.schemas). */
    Set<String> flywaySchemas() {
        Set<String> schemas = new TreeSet<>();
        value("quarkus.flyway.schemas").ifPresent(list -> {
            for (String schema : list.split(",")) {
                schemas.add(schema.trim());
            }
        });
        return schemas;
    }

    /** Resolves ${property} references and falls back to a ${NAME:default}'s default; a required ${NAME} stays as written. */
    private String resolve(String value) {
        Matcher matcher = EXPRESSION.matcher(value);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            String name = matcher.group(1);
            String replacement = prod.containsKey(name) ? resolve(prod.get(name))
                    : matcher.group(2) != null ? matcher.group(2).substring(1)
                    : matcher.group();
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }
}
