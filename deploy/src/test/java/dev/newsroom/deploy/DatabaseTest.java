package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service logs in as its own CloudNativePG role, owns its schema, and the database can take every pool. */
class DatabaseTest {

    static List<String> overlays() {
        return ProjectLayout.overlays();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndServices")
    void theServiceLogsInWithTheSecretThatSetsItsRolePassword(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode username = secretKeyRef(manifests, service, "QUARKUS_DATASOURCE_USERNAME");
        JsonNode password = secretKeyRef(manifests, service, "QUARKUS_DATASOURCE_PASSWORD");
        String secret = username.path("name").asText();

        assertThat(password.path("name").asText()).isEqualTo(secret);
        assertThat(username.path("key").asText()).isEqualTo("username");
        assertThat(password.path("key").asText()).isEqualTo("password");
        assertThat(manifests.secret(secret)).as("Secret " + secret).isPresent();
        assertThat(manifests.secret(secret).orElseThrow().path("type").asText())
                .as("CloudNativePG reads role passwords from basic-auth Secrets").isEqualTo("kubernetes.io/basic-auth");
        JsonNode role = role(manifests, secret).orElseThrow(() ->
                new AssertionError("no managed role of the Cluster uses Secret " + secret));
        assertThat(manifests.secretValue(secret, "username")).contains(role.path("name").asText());
        assertThat(role.path("login").asBoolean()).as("role.path(\"login\").asBoolean()").isTrue();
        assertThat(role.path("superuser").asBoolean(false)).as("role.path(\"superuser\").asBoolean(false)").isFalse();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndServices")
    void theServiceRoleOwnsTheSchemasFlywayMigrates(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        String secret = secretKeyRef(manifests, service, "QUARKUS_DATASOURCE_USERNAME").path("name").asText();
        String role = role(manifests, secret).orElseThrow().path("name").asText();
        JsonNode database = manifests.all("Database").get(0).path("spec");

        assertThat(database.path("cluster").path("name").asText()).isEqualTo(Manifests.name(manifests.all("Cluster").get(0)));
        assertThat(ServiceProperties.of(service).flywaySchemas()).isNotEmpty().allSatisfy(schema -> {
            boolean owned = false;
            for (JsonNode declared : database.path("schemas")) {
                owned |= schema.equals(declared.path("name").asText()) && role.equals(declared.path("owner").asText());
            }
            assertThat(owned).as("schema " + schema + " owned by role " + role).isTrue();
        });
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void postgresAcceptsEveryConnectionPoolAtFullScale(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        int maxConnections = manifests.all("Cluster").get(0).path("spec").path("postgresql").path("parameters")
                .path("max_connections").asInt(100);
        int needed = 0;
        for (String service : ProjectLayout.SERVICES) {
            // A rolling update runs one extra pod.
            needed += manifests.connectionPoolMax(service) * (WorkloadPoliciesTest.maxPods(manifests, service) + 1);
        }
        // CloudNativePG keeps superuser_reserved_connections and replication slots apart.
        assertThat(needed).as("connections the services may open").isLessThanOrEqualTo(maxConnections - 20);
    }

    @Test
    void productionRunsAReplicatedCluster() {
        JsonNode spec = Manifests.of("production").all("Cluster").get(0).path("spec");

        assertThat(spec.path("instances").asInt()).isGreaterThanOrEqualTo(3);
        assertThat(spec.path("enableSuperuserAccess").asBoolean(true))
                .as("spec.path(\"enableSuperuserAccess\").asBoolean(true)").isFalse();
    }

    private static JsonNode secretKeyRef(Manifests manifests, String service, String variable) {
        for (JsonNode env : manifests.container(service).path("env")) {
            if (variable.equals(env.path("name").asText())) {
                return env.path("valueFrom").path("secretKeyRef");
            }
        }
        throw new AssertionError(service + " does not take " + variable + " from a Secret");
    }

    private static Optional<JsonNode> role(Manifests manifests, String secret) {
        for (JsonNode role : manifests.all("Cluster").get(0).path("spec").path("managed").path("roles")) {
            if (secret.equals(role.path("passwordSecret").path("name").asText())) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
