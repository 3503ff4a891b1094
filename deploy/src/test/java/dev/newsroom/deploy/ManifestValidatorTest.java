package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Proves the validator refuses broken manifests, so a green ManifestSchemaTest means something. */
class ManifestValidatorTest {

    private final ManifestValidator validator = ManifestValidator.shared();
    private final Manifests production = Manifests.of("production");

    @Test
    void acceptsTheObjectsAsRendered() {
        assertThat(validator.validate(production.deployment("feed-service"))).isEmpty();
        assertThat(validator.validate(production.get("KafkaTopic", "newsroom.articles"))).isEmpty();
        assertThat(validator.validate(production.get("Cluster", "newsroom-db"))).isEmpty();
    }

    @Test
    void refusesAnUnknownFieldInADeployment() {
        ObjectNode broken = broken(production.deployment("feed-service"), deployment ->
                ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers").get(0))
                        .put("imagePullPolcy", "Always"));

        assertThat(validator.validate(broken)).singleElement().asString().contains("imagePullPolcy");
    }

    @Test
    void refusesAMissingRequiredFieldAndAWrongType() {
        ObjectNode noSelector = broken(production.deployment("article-service"),
                deployment -> ((ObjectNode) deployment.path("spec")).remove("selector"));
        ObjectNode textPort = broken(production.get("Service", "media-service"),
                service -> ((ObjectNode) service.path("spec").path("ports").get(0)).put("port", "eighty"));
        ObjectNode badQuantity = broken(production.deployment("media-service"),
                deployment -> ((ObjectNode) deployment.path("spec").path("template").path("spec").path("containers")
                        .get(0).path("resources").path("limits")).put("memory", "lots"));

        assertThat(validator.validate(noSelector)).isNotEmpty();
        assertThat(validator.validate(textPort)).isNotEmpty();
        assertThat(validator.validate(badQuantity)).isNotEmpty();
    }

    @Test
    void refusesStrimziResourcesThatTheOperatorWouldReject() {
        ObjectNode textPartitions = broken(production.get("KafkaTopic", "newsroom.articles"),
                topic -> ((ObjectNode) topic.path("spec")).put("partitions", "six"));
        ObjectNode unknownListenerField = broken(production.get("Kafka", "newsroom-kafka"),
                kafka -> ((ObjectNode) kafka.path("spec").path("kafka").path("listeners").get(0)).put("tsl", true));
        ObjectNode zookeeper = broken(production.get("Kafka", "newsroom-kafka"),
                kafka -> ((ObjectNode) kafka.path("spec")).putObject("zookeeper").put("replicas", 3));
        ObjectNode unknownRole = broken(production.get("KafkaNodePool", "dual-role"),
                pool -> ((ArrayNode) pool.path("spec").path("roles")).add("zookeeper"));

        assertThat(validator.validate(textPartitions)).isNotEmpty();
        assertThat(validator.validate(unknownListenerField)).isNotEmpty();
        assertThat(validator.validate(zookeeper)).as("v1 has no ZooKeeper").isNotEmpty();
        assertThat(validator.validate(unknownRole)).isNotEmpty();
    }

    @Test
    void refusesCloudNativePgResourcesWithUnknownFieldsOrValues() {
        ObjectNode typo = broken(production.get("Cluster", "newsroom-db"),
                cluster -> ((ObjectNode) cluster.path("spec")).put("instance", 3));
        ObjectNode badEnsure = broken(production.get("Database", "newsroom"),
                database -> ((ObjectNode) database.path("spec")).put("ensure", "maybe"));

        assertThat(validator.validate(typo)).isNotEmpty();
        assertThat(validator.validate(badEnsure)).isNotEmpty();
    }

    @Test
    void refusesAKindItHasNoSchemaFor() {
        ObjectNode oldIngress = broken(production.get("Ingress", "newsroom-public"),
                ingress -> ingress.put("apiVersion", "extensions/v1beta1"));

        assertThat(validator.validate(oldIngress)).singleElement().asString().contains("no schema known");
    }

    private static ObjectNode broken(ObjectNode original, Consumer<ObjectNode> change) {
        ObjectNode copy = original.deepCopy();
        change.accept(copy);
        return copy;
    }
}
