package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Kafka clients the cluster drills run ({@code ./newsroom up --cluster}: profile "local" and the environment the
 * script gives each replica) are configured exactly as production runs them (profile "prod" and the environment the
 * production overlay gives each pod): acknowledgements, idempotence, timeouts, session and heartbeat, assignment
 * strategy, static membership. What the drills prove then holds for what deploy/ ships.
 */
class ClusterClientSettingsTest {

    /** Kafka client settings and SmallRye channel attributes: everything a channel is configured with. */
    private static final Pattern KAFKA_SETTING = Pattern.compile("(mp\\.messaging\\.(incoming|outgoing)\\.[^.]+|kafka)\\..+");
    private static final Pattern KAFKA_VARIABLE = Pattern.compile("(MP_MESSAGING_|KAFKA_).+");
    /** Addresses, which differ by nature between a laptop and a cluster. */
    private static final Pattern ADDRESS = Pattern.compile(".*(bootstrap\\.servers|BOOTSTRAP_SERVERS)$");
    /** Each member's own name: must be set in both places, with a different value per replica. */
    private static final Pattern MEMBER_ID = Pattern.compile(".*group\\.instance\\.id$");

    @TempDir
    Path data;

    static List<String> services() {
        return ProjectLayout.SERVICES;
    }

    @ParameterizedTest
    @MethodSource("services")
    void theClusterRunsTheKafkaClientSettingsProductionShips(String service) {
        Map<String, String> production = productionEnvironment(service);
        Map<String, String> replica1 = clusterEnvironment(service, 1);
        Map<String, String> replica2 = clusterEnvironment(service, 2);
        SmallRyeConfig prod = config(service, "prod", production);
        SmallRyeConfig local = config(service, "local", replica1);

        List<String> drift = new ArrayList<>();
        Set<String> compared = new TreeSet<>();
        for (String name : kafkaSettingNames(service)) {
            if (ADDRESS.matcher(name).matches()) {
                continue;
            }
            Optional<String> shipped = prod.getOptionalValue(name, String.class);
            Optional<String> drilled = local.getOptionalValue(name, String.class);
            if (MEMBER_ID.matcher(name).matches()) {
                Optional<String> other = config(service, "local", replica2).getOptionalValue(name, String.class);
                if (shipped.isPresent() != drilled.isPresent() || drilled.isPresent() && drilled.equals(other)) {
                    drift.add(name + ": production " + shipped.orElse("(unset)") + ", cluster replicas "
                            + drilled.orElse("(unset)") + " and " + other.orElse("(unset)"));
                }
                continue;
            }
            compared.add(name);
            if (!shipped.equals(drilled)) {
                drift.add(name + ": production " + shipped.orElse("(unset)") + ", cluster " + drilled.orElse("(unset)"));
            }
        }
        // Kafka settings given only through the environment, on either side.
        Set<String> variables = new TreeSet<>();
        production.keySet().stream().filter(name -> KAFKA_VARIABLE.matcher(name).matches()).forEach(variables::add);
        replica1.keySet().stream().filter(name -> KAFKA_VARIABLE.matcher(name).matches()).forEach(variables::add);
        for (String variable : variables) {
            if (!ADDRESS.matcher(variable).matches() && !MEMBER_ID.matcher(variable.toLowerCase().replace('_', '.')).matches()
                    && !Objects.equals(production.get(variable), replica1.get(variable))) {
                drift.add(variable + ": production " + production.get(variable) + ", cluster " + replica1.get(variable));
            }
        }

        assertThat(drift).as(service + ": Kafka client settings that differ between the cluster drills and production")
                .isEmpty();
        // Guards the comparison itself: it must have looked at the settings the drills are about.
        assertThat(compared).as(service).anyMatch(name -> name.endsWith(".acks") || name.endsWith(".session.timeout.ms"));
    }

    /** The names of every Kafka setting application.properties gives, in any profile. */
    private static Set<String> kafkaSettingNames(String service) {
        Set<String> names = new TreeSet<>();
        for (String key : applicationProperties(service).stringPropertyNames()) {
            String name = key.startsWith("%") ? key.substring(key.indexOf('.') + 1) : key;
            if (KAFKA_SETTING.matcher(name).matches()) {
                names.add(name);
            }
        }
        return names;
    }

    private static SmallRyeConfig config(String service, String profile, Map<String, String> environment) {
        Map<String, String> properties = new TreeMap<>();
        applicationProperties(service).forEach((key, value) -> properties.put((String) key, (String) value));
        return new SmallRyeConfigBuilder()
                .withProfile(profile)
                .withSources(new PropertiesConfigSource(properties, "application.properties", 250))
                .withSources(new EnvConfigSource(environment, 300))
                .build();
    }

    private static Properties applicationProperties(String service) {
        Properties properties = new Properties();
        Path file = ProjectLayout.serviceDir(service).resolve("src/main/resources/application.properties");
        try (var reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    /** What a pod of the service gets in the production overlay: ConfigMaps, literal values, the pod's name. */
    private static Map<String, String> productionEnvironment(String service) {
        Manifests production = Manifests.of("production");
        JsonNode container = production.container(service);
        Map<String, String> environment = new LinkedHashMap<>();
        String pod = service + "-7d9f8b6c5-x2k4q";
        environment.put("HOSTNAME", pod); // Kubernetes sets it to the pod's name
        for (JsonNode source : container.path("envFrom")) {
            String map = source.path("configMapRef").path("name").asText(null);
            if (map != null) {
                production.configMapKeys(map).orElse(Set.of()).forEach(key -> environment.put(
                        source.path("prefix").asText("") + key, production.configMapValue(map, key).orElse("")));
            }
        }
        for (JsonNode variable : container.path("env")) {
            JsonNode from = variable.path("valueFrom");
            String value = variable.has("value") ? variable.path("value").asText()
                    : from.path("fieldRef").path("fieldPath").asText().equals("metadata.name") ? pod
                    : from.has("configMapKeyRef") ? production.configMapValue(from.path("configMapKeyRef").path("name").asText(),
                            from.path("configMapKeyRef").path("key").asText()).orElse("")
                    : "(secret)";
            environment.put(variable.path("name").asText(), value);
        }
        return environment;
    }

    /** What ./newsroom gives replica n of the service in the cluster (./newsroom env --cluster SERVICE N). */
    private Map<String, String> clusterEnvironment(String service, int replica) {
        Path script = ProjectLayout.projectRoot().resolve("newsroom");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), "env", "--cluster",
                service.replace("-service", ""), Integer.toString(replica))
                .redirectErrorStream(true);
        builder.environment().put("NEWSROOM_DATA", data.toString());
        builder.environment().remove("NEWSROOM_PORT_OFFSET");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            Map<String, String> environment = new LinkedHashMap<>();
            output.lines().filter(line -> line.contains("=")).forEach(line ->
                    environment.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1)));
            return environment;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
