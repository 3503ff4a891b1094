package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class OverlayRenderingTest {

    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace");

    static List<String> overlays() {
        return ProjectLayout.overlays();
    }

    @Test
    void theLocalAndProductionOverlaysExist() {
        assertThat(ProjectLayout.overlays()).contains("local", "production");
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void rendersEveryPartOfThePlatform(String overlay) {
        Manifests manifests = Manifests.of(overlay);

        assertThat(manifests.all("KafkaNodePool")).hasSize(1);
        assertThat(manifests.all("Kafka")).hasSize(1);
        assertThat(manifests.all("Cluster")).hasSize(1);
        for (String service : ProjectLayout.WORKLOADS) {
            assertThat(manifests.find("Deployment", service)).as(service + " Deployment").isPresent();
            assertThat(manifests.find("Service", service)).as(service + " Service").isPresent();
            assertThat(manifests.find("ServiceAccount", service)).as(service + " ServiceAccount").isPresent();
            assertThat(manifests.find("PodDisruptionBudget", service)).as(service + " PDB").isPresent();
            assertThat(manifests.find("NetworkPolicy", service)).as(service + " NetworkPolicy").isPresent();
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyObjectIsNamedOnceInTheNewsroomNamespaceAndLabelled(String overlay) {
        List<String> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ObjectNode object : Manifests.of(overlay).rendered()) {
            String id = Manifests.describe(object);
            if (!seen.add(id)) {
                problems.add(id + " is rendered twice");
            }
            String namespace = object.path("metadata").path("namespace").asText();
            if (!CLUSTER_SCOPED.contains(object.path("kind").asText()) && !ProjectLayout.NAMESPACE.equals(namespace)) {
                problems.add(id + " is in namespace '" + namespace + "'");
            }
            String partOf = object.path("metadata").path("labels").path("app.kubernetes.io/part-of").asText();
            if (!"newsroom".equals(partOf)) {
                problems.add(id + " lacks the label app.kubernetes.io/part-of=newsroom");
            }
        }
        assertThat(problems).isEmpty();
    }
}
