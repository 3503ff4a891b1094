package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each service gets, in every overlay, all the configuration its prod profile needs, and nothing refers to a missing key. */
class ServiceConfigurationTest {

    private static final Pattern CREDENTIAL = Pattern.compile(".*(PASSWORD|SECRET|TOKEN|ACCESS_KEY).*");

    static Stream<Arguments> overlaysAndServices() {
        return ProjectLayout.overlays().stream()
                .flatMap(overlay -> ProjectLayout.SERVICES.stream().map(service -> Arguments.of(overlay, service)));
    }

    static Stream<Arguments> overlaysAndWorkloads() {
        return ProjectLayout.overlays().stream()
                .flatMap(overlay -> ProjectLayout.WORKLOADS.stream().map(service -> Arguments.of(overlay, service)));
    }

    @Test
    void theServicesDeclareWhatProductionMustProvide() {
        // Guards the parser: if the services' files stop using ${NAME} for production values, this test
        // would otherwise pass while checking nothing.
        for (String service : ProjectLayout.SERVICES) {
            assertThat(ServiceProperties.of(service).requiredEnvironment())
                    .as(service).containsKeys("QUARKUS_DATASOURCE_JDBC_URL", "KAFKA_BOOTSTRAP_SERVERS");
        }
        assertThat(ServiceProperties.of(ProjectLayout.DESK).requiredEnvironment()).containsKeys("NEWSROOM_ARTICLE_URL",
                "NEWSROOM_MEDIA_URL", "OIDC_AUTH_SERVER_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndWorkloads")
    void everyEnvironmentVariableTheProdProfileNeedsIsProvided(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        List<String> problems = new ArrayList<>();
        Map<String, String> provided = manifests.environment(service, problems);

        ServiceProperties.of(service).requiredEnvironment().forEach((variable, property) -> {
            if (!provided.containsKey(variable)) {
                problems.add(service + " needs " + variable + " (for " + property + "), which the " + overlay
                        + " overlay does not provide");
            }
        });

        assertThat(problems).isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndWorkloads")
    void credentialsComeFromSecretsOnly(String overlay, String service) {
        Map<String, String> provided = Manifests.of(overlay).environment(service, new ArrayList<>());

        provided.forEach((variable, origin) -> {
            if (CREDENTIAL.matcher(variable).matches()) {
                assertThat(origin).as(service + " " + variable).startsWith("Secret ");
            }
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void inClusterAddressesPointAtTheRenderedKafkaAndDatabase(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        String configMap = manifests.configMapOf(service);
        String kafka = Manifests.name(manifests.all("Kafka").get(0));
        String cluster = Manifests.name(manifests.all("Cluster").get(0));
        String database = manifests.all("Database").get(0).path("spec").path("name").asText();

        assertThat(manifests.configMapValue(configMap, "KAFKA_BOOTSTRAP_SERVERS"))
                .contains(kafka + "-kafka-bootstrap:9092");
        assertThat(manifests.configMapValue(configMap, "QUARKUS_DATASOURCE_JDBC_URL"))
                .contains("jdbc:postgresql://" + cluster + "-rw:5432/" + database);
    }

    /** A pool smaller than the connections it must open at start stops the service: Agroal refuses it. */
    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndServices")
    void theConnectionsAReplicaOpensAtStartFitThePoolTheOverlayGivesIt(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        ServiceProperties properties = ServiceProperties.of(service);
        int max = manifests.connectionPoolMax(service);
        int initial = Integer.parseInt(properties.value("quarkus.datasource.jdbc.initial-size").orElse("0"));
        int min = Integer.parseInt(properties.value("quarkus.datasource.jdbc.min-size").orElse("0"));

        assertThat(min).as(service + " min-size").isPositive().isLessThanOrEqualTo(max);
        assertThat(initial).as(service + " initial-size").isEqualTo(min);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("overlaysAndWorkloads")
    void imagesAreTheOnesTheQuarkusBuildProduces(String overlay, String service) {
        String expected = ServiceProperties.of(service).image();
        String image = Manifests.of(overlay).container(service).path("image").asText();

        // A registry may be prepended (the production overlay pushes to one); the rest must match exactly.
        assertThat(image).satisfiesAnyOf(
                actual -> assertThat(actual).isEqualTo(expected),
                actual -> assertThat(actual).endsWith("/" + expected));
    }
}
