package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Scaling, disruption budgets, identities, resources, network policies and ingress routes of the three services. */
class WorkloadPoliciesTest {

    private static final Set<String> AUTOSCALED = Set.of("article-service", "feed-service");

    static List<String> overlays() {
        return ProjectLayout.overlays();
    }

    /** The most pods of a service that may run: the autoscaler's maximum, else the Deployment's replicas. */
    static int maxPods(Manifests manifests, String service) {
        return autoscaler(manifests, service).map(hpa -> hpa.path("spec").path("maxReplicas").asInt())
                .orElseGet(() -> manifests.deployment(service).path("spec").path("replicas").asInt(1));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void feedAndArticleServicesAutoscaleAndTheAutoscalerOwnsTheReplicaCount(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        Optional<ObjectNode> hpa = autoscaler(manifests, service);

        assertThat(hpa.isPresent()).as(service + " has a HorizontalPodAutoscaler").isEqualTo(AUTOSCALED.contains(service));
        hpa.ifPresent(autoscaler -> {
            JsonNode spec = autoscaler.path("spec");
            assertThat(spec.path("minReplicas").asInt()).isBetween(1, spec.path("maxReplicas").asInt());
            // A replicas field would reset the autoscaler's choice at every apply.
            assertThat(manifests.deployment(service).path("spec").has("replicas"))
                    .as("manifests.deployment(service).path(\"spec\").has(\"replicas\")").isFalse();
            assertThat(manifests.container(service).path("resources").path("requests").has("cpu"))
                    .as("CPU utilisation needs a CPU request").isTrue();
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void aDisruptionBudgetCoversThePodsWithoutBlockingDrains(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode pdb = manifests.get("PodDisruptionBudget", service).path("spec");

        assertThat(selects(pdb.path("selector"), podLabels(manifests, service)))
                .as("selects(pdb.path(\"selector\"), podLabels(manifests, service))").isTrue();
        assertThat(pdb.path("maxUnavailable").asInt()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void aRolloutKeepsCapacityAndLetsEachNewPodWarmUpBeforeReplacingTheNext(String overlay, String service) {
        JsonNode spec = Manifests.of(overlay).deployment(service).path("spec");

        // media-service on a volume (components/media-volume) is one pod that must let go of it first: Recreate
        if (spec.path("strategy").path("type").asText().equals("RollingUpdate")) {
            assertThat(spec.path("strategy").path("rollingUpdate").path("maxUnavailable").asInt(-1)).isZero();
            assertThat(spec.path("strategy").path("rollingUpdate").path("maxSurge").asInt()).isEqualTo(1);
        }
        // long enough for the optimising compiler to reach the hot code under load (bench/README.md), short enough
        // for a rollout of six pods in a few minutes; bench's cluster-service-roll reads and waits the same
        assertThat(spec.path("minReadySeconds").asInt()).as("minReadySeconds of %s", service).isBetween(20, 60);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void eachServiceRunsAsItsOwnAccountWithoutAnApiToken(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        JsonNode pod = manifests.deployment(service).path("spec").path("template").path("spec");

        assertThat(pod.path("serviceAccountName").asText()).isEqualTo(service);
        assertThat(manifests.get("ServiceAccount", service).path("automountServiceAccountToken").asBoolean(true))
                .as("manifests.get(\"ServiceAccount\", service).path(\"automountServiceAccountToken\").asBoolean(true)").isFalse();
        assertThat(pod.path("securityContext").path("runAsNonRoot").asBoolean())
                .as("pod.path(\"securityContext\").path(\"runAsNonRoot\").asBoolean()").isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void everyContainerHasRequestsAndLimits(String overlay, String service) {
        JsonNode resources = Manifests.of(overlay).container(service).path("resources");

        assertThat(resources.path("requests").has("cpu")).as("resources.path(\"requests\").has(\"cpu\")").isTrue();
        assertThat(resources.path("requests").has("memory"))
                .as("resources.path(\"requests\").has(\"memory\")").isTrue();
        assertThat(resources.path("limits").has("cpu")).as("resources.path(\"limits\").has(\"cpu\")").isTrue();
        assertThat(resources.path("limits").has("memory")).as("resources.path(\"limits\").has(\"memory\")").isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndServices")
    void networkPoliciesLetTheServiceReachOnlyWhatItNeeds(String overlay, String service) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> labels = podLabels(manifests, service);
        ObjectNode own = manifests.get("NetworkPolicy", service);
        String cluster = Manifests.name(manifests.all("Cluster").get(0));
        String kafka = Manifests.name(manifests.all("Kafka").get(0));

        assertThat(selects(manifests.get("NetworkPolicy", "default-deny-ingress").path("spec").path("podSelector"), labels))
                .as("selects(manifests.get(\"NetworkPolicy\", \"default-deny-ingress\").path(\"spec\").path(\"podSelector\"), labels)").isTrue();
        assertThat(selects(own.path("spec").path("podSelector"), labels))
                .as("selects(own.path(\"spec\").path(\"podSelector\"), labels)").isTrue();
        assertThat(Manifests.strings(own.path("spec").path("policyTypes"))).containsExactlyInAnyOrder("Ingress", "Egress");
        assertThat(egressTo(own, "cnpg.io/cluster", cluster)).as("egress to PostgreSQL").contains(5432);
        assertThat(egressTo(own, "strimzi.io/cluster", kafka)).as("egress to Kafka").contains(9092);
        assertThat(selects(manifests.get("NetworkPolicy", "services-dns").path("spec").path("podSelector"), labels))
                .as("selects(manifests.get(\"NetworkPolicy\", \"services-dns\").path(\"spec\").path(\"podSelector\"), labels)").isTrue();

        boolean databaseAdmitsService = false;
        for (JsonNode rule : manifests.get("NetworkPolicy", cluster).path("spec").path("ingress")) {
            for (JsonNode peer : rule.path("from")) {
                databaseAdmitsService |= !peer.has("namespaceSelector") && selects(peer.path("podSelector"), labels)
                        && rule.path("ports").findValuesAsText("port").contains("5432");
            }
        }
        assertThat(databaseAdmitsService).as("PostgreSQL admits " + service).isTrue();

        boolean kafkaAdmitsService = false;
        for (JsonNode listener : manifests.all("Kafka").get(0).path("spec").path("kafka").path("listeners")) {
            for (JsonNode peer : listener.path("networkPolicyPeers")) {
                kafkaAdmitsService |= listener.path("port").asInt() == 9092 && selects(peer.path("podSelector"), labels);
            }
        }
        assertThat(kafkaAdmitsService).as("the Kafka listener admits " + service).isTrue();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void ingressesRouteThePublicAndEditorialPathsToServicesThatExist(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        List<String> routes = new ArrayList<>();
        for (ObjectNode ingress : manifests.all("Ingress")) {
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    JsonNode backend = path.path("backend").path("service");
                    String service = backend.path("name").asText();
                    JsonNode port = manifests.get("Service", service).path("spec").path("ports").get(0);
                    assertThat(backend.path("port").path("name").asText()).isEqualTo(port.path("name").asText());
                    routes.add(Manifests.name(ingress) + " " + path.path("path").asText() + " -> " + service);
                }
            }
        }

        assertThat(routes).contains(
                "newsroom-public /feeds -> feed-service",
                "newsroom-public /articles -> feed-service",
                "newsroom-public /media -> media-service",
                "newsroom-editorial /api/articles -> article-service",
                "newsroom-editorial /api/media -> media-service",
                "newsroom-desk / -> desk-service");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theDeskReachesTheApisItFrontsAndTheyAdmitIt(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> desk = podLabels(manifests, ProjectLayout.DESK);
        ObjectNode own = manifests.get("NetworkPolicy", ProjectLayout.DESK);

        assertThat(selects(manifests.get("NetworkPolicy", "default-deny-ingress").path("spec").path("podSelector"), desk)).isTrue();
        assertThat(selects(own.path("spec").path("podSelector"), desk)).isTrue();
        assertThat(selects(manifests.get("NetworkPolicy", "services-dns").path("spec").path("podSelector"), desk)).isTrue();
        for (String api : List.of("article-service", "media-service")) {
            int port = ServiceProperties.of(api).httpPort();
            boolean deskReachesApi = false;
            for (JsonNode rule : own.path("spec").path("egress")) {
                for (JsonNode peer : rule.path("to")) {
                    deskReachesApi |= selects(peer.path("podSelector"), podLabels(manifests, api))
                            && rule.path("ports").findValuesAsText("port").contains(Integer.toString(port));
                }
            }
            assertThat(deskReachesApi).as("the desk may call " + api + " on " + port).isTrue();
            boolean apiAdmitsDesk = false;
            for (JsonNode rule : manifests.get("NetworkPolicy", api).path("spec").path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    apiAdmitsDesk |= !peer.has("namespaceSelector") && selects(peer.path("podSelector"), desk);
                }
            }
            assertThat(apiAdmitsDesk).as(api + " admits the desk").isTrue();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void editorialIngressAcceptsEveryRequestBodyTheServicesAccept(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (ObjectNode ingress : manifests.all("Ingress")) {
            long proxyLimit = bytes(ingress.path("metadata").path("annotations")
                    .path("nginx.ingress.kubernetes.io/proxy-body-size").asText("1m"));
            for (JsonNode rule : ingress.path("spec").path("rules")) {
                for (JsonNode path : rule.path("http").path("paths")) {
                    String service = path.path("backend").path("service").path("name").asText();
                    if (path.path("path").asText().startsWith("/api/") || ProjectLayout.DESK.equals(service)) {
                        long serviceLimit = bytes(ServiceProperties.of(service)
                                .value("quarkus.http.limits.max-body-size").orElse("10240K"));
                        assertThat(proxyLimit).as(Manifests.name(ingress) + " body size for " + service)
                                .isGreaterThanOrEqualTo(serviceLimit);
                    }
                }
            }
        }
    }

    /** A size as nginx (1m) or Quarkus (31M, 10240K) writes it, in bytes; both use powers of 1024. */
    private static long bytes(String size) {
        String value = size.trim().toLowerCase(Locale.ROOT);
        long unit = switch (value.charAt(value.length() - 1)) {
            case 'k' -> 1024L;
            case 'm' -> 1024L * 1024;
            case 'g' -> 1024L * 1024 * 1024;
            default -> 1L;
        };
        String digits = unit == 1 ? value : value.substring(0, value.length() - 1);
        return Long.parseLong(digits) * unit;
    }

    private static Optional<ObjectNode> autoscaler(Manifests manifests, String service) {
        return manifests.all("HorizontalPodAutoscaler").stream()
                .filter(hpa -> service.equals(hpa.path("spec").path("scaleTargetRef").path("name").asText()))
                .findFirst();
    }

    private static Map<String, String> podLabels(Manifests manifests, String service) {
        JsonNode labels = manifests.deployment(service).path("spec").path("template").path("metadata").path("labels");
        Map<String, String> map = new HashMap<>();
        labels.fields().forEachRemaining(label -> map.put(label.getKey(), label.getValue().asText()));
        return map;
    }

    /** Whether a label selector (matchLabels and matchExpressions with In) matches the labels; {} matches all. */
    static boolean selects(JsonNode selector, Map<String, String> labels) {
        Iterator<Map.Entry<String, JsonNode>> matchLabels = selector.path("matchLabels").fields();
        while (matchLabels.hasNext()) {
            Map.Entry<String, JsonNode> entry = matchLabels.next();
            if (!entry.getValue().asText().equals(labels.get(entry.getKey()))) {
                return false;
            }
        }
        for (JsonNode expression : selector.path("matchExpressions")) {
            String value = labels.get(expression.path("key").asText());
            boolean in = Manifests.strings(expression.path("values")).contains(value);
            boolean matches = switch (expression.path("operator").asText()) {
                case "In" -> in;
                case "NotIn" -> !in;
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> false;
            };
            if (!matches) {
                return false;
            }
        }
        return true;
    }

    private static List<Integer> egressTo(JsonNode policy, String label, String value) {
        List<Integer> ports = new ArrayList<>();
        for (JsonNode rule : policy.path("spec").path("egress")) {
            for (JsonNode peer : rule.path("to")) {
                if (value.equals(peer.path("podSelector").path("matchLabels").path(label).asText())) {
                    rule.path("ports").forEach(port -> ports.add(port.path("port").asInt()));
                }
            }
        }
        return ports;
    }
}
