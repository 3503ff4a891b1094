package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Ports, probes and metrics in the manifests are the ones each service really serves. */
class ProbesAndPortsTest {

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void theContainerPortIsTheServicesHttpPort(String overlay, String service) {
        ServiceProperties properties = ServiceProperties.of(service);
        JsonNode container = Manifests.of(overlay).container(service);

        assertThat(containerPort(container, "http")).isEqualTo(properties.httpPort());
        assertThat(container.path("env").findValuesAsText("name")).doesNotContain("QUARKUS_HTTP_PORT");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void probesAskQuarkusHealthOnThePortThatServesIt(String overlay, String service) {
        ServiceProperties properties = ServiceProperties.of(service);
        JsonNode container = Manifests.of(overlay).container(service);
        String root = properties.nonApplicationRoot();

        assertThat(properties.hasDependency("quarkus-smallrye-health")).as(service + " serves /q/health").isTrue();
        assertProbe(container, "startupProbe", root + "/health/started", properties.observabilityPort());
        assertProbe(container, "livenessProbe", root + "/health/live", properties.observabilityPort());
        assertProbe(container, "readinessProbe", root + "/health/ready", properties.observabilityPort());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void prometheusScrapesTheMetricsEndpoint(String overlay, String service) {
        ServiceProperties properties = ServiceProperties.of(service);
        JsonNode annotations = Manifests.of(overlay).deployment(service)
                .path("spec").path("template").path("metadata").path("annotations");

        assertThat(properties.hasDependency("quarkus-micrometer-registry-prometheus"))
                .as(service + " serves Prometheus metrics").isTrue();
        assertThat(annotations.path("prometheus.io/scrape").asText()).isEqualTo("true");
        assertThat(annotations.path("prometheus.io/path").asText()).isEqualTo(properties.nonApplicationRoot() + "/metrics");
        assertThat(annotations.path("prometheus.io/port").asText())
                .isEqualTo(String.valueOf(properties.observabilityPort()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void theServiceSelectsThePodsAndTargetsTheirHttpPort(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        ObjectNode kubernetesService = manifests.get("Service", service);
        JsonNode podLabels = manifests.deployment(service).path("spec").path("template").path("metadata").path("labels");

        kubernetesService.path("spec").path("selector").fields().forEachRemaining(selector ->
                assertThat(podLabels.path(selector.getKey()).asText()).isEqualTo(selector.getValue().asText()));
        JsonNode port = kubernetesService.path("spec").path("ports").get(0);
        assertThat(port.path("name").asText()).isEqualTo("http");
        assertThat(port.path("targetPort").asText()).isEqualTo("http");
    }

    private static void assertProbe(JsonNode container, String probe, String path, int port) {
        JsonNode get = container.path(probe).path("httpGet");
        assertThat(get.path("path").asText()).as(probe + " path").isEqualTo(path);
        JsonNode probePort = get.path("port");
        int resolved = probePort.isInt() ? probePort.asInt() : containerPort(container, probePort.asText());
        assertThat(resolved).as(probe + " port").isEqualTo(port);
    }

    private static int containerPort(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (name.equals(port.path("name").asText())) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("container " + container.path("name").asText() + " has no port named " + name);
    }
}
