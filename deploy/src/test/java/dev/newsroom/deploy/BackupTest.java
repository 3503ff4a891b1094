package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Production backs PostgreSQL up to object storage (Barman Cloud plugin): WAL archiving by the Cluster, a nightly base
 * backup, a retention policy, credentials an operator creates, and a restore manifest that validates too.
 */
class BackupTest {

    private static final String PLUGIN = "barman-cloud.cloudnative-pg.io";

    private final Manifests production = Manifests.of("production");

    @Test
    void theClusterArchivesEveryWalSegmentIntoTheObjectStore() {
        JsonNode cluster = production.all("Cluster").get(0);
        JsonNode plugin = cluster.path("spec").path("plugins").get(0);
        assertThat(plugin.path("name").asText()).isEqualTo(PLUGIN);
        assertThat(plugin.path("isWALArchiver").asBoolean()).isTrue();
        String store = plugin.path("parameters").path("barmanObjectName").asText();
        JsonNode objectStore = production.get("ObjectStore", store).path("spec");
        assertThat(objectStore.path("retentionPolicy").asText()).matches("[1-9][0-9]*[dwm]");
        assertThat(objectStore.path("configuration").path("destinationPath").asText()).startsWith("s3://");
        assertThat(cluster.path("spec").has("backup")).as("the in-tree barmanObjectStore is deprecated").isFalse();

        JsonNode credentials = objectStore.path("configuration").path("s3Credentials");
        for (String field : List.of("accessKeyId", "secretAccessKey")) {
            String secret = credentials.path(field).path("name").asText();
            assertThat(production.secret(secret)).as("Secret " + secret + " in secrets.example.yaml").isPresent();
            assertThat(production.secret(secret).orElseThrow().path("stringData")
                    .has(credentials.path(field).path("key").asText())).as(field).isTrue();
        }
    }

    @Test
    void aBaseBackupIsTakenEveryNightThroughThePlugin() {
        List<ObjectNode> schedules = production.all("ScheduledBackup");
        assertThat(schedules).hasSize(1);
        JsonNode spec = schedules.get(0).path("spec");
        assertThat(spec.path("cluster").path("name").asText())
                .isEqualTo(Manifests.name(production.all("Cluster").get(0)));
        assertThat(spec.path("method").asText()).isEqualTo("plugin");
        assertThat(spec.path("pluginConfiguration").path("name").asText()).isEqualTo(PLUGIN);
        assertThat(spec.path("schedule").asText().split(" ")).as("CNPG's six-field cron").hasSize(6);
    }

    @Test
    void theLocalOverlayHasNoBackups() {
        assertThat(Manifests.of("local").all("ScheduledBackup")).isEmpty();
        assertThat(Manifests.of("local").all("ObjectStore")).isEmpty();
    }

    @Test
    void theRestoreManifestIsValidAndRecoversFromTheBackupsIntoANewCluster() {
        List<ObjectNode> restore = Kustomize.readFile(ProjectLayout.overlayDir("production")
                .resolve("restore/newsroom-db-restore.example.yaml"));
        assertThat(restore).hasSize(1);
        ObjectNode cluster = restore.get(0);
        assertThat(ManifestValidator.shared().validate(cluster)).isEmpty();
        String original = Manifests.name(production.all("Cluster").get(0));
        assertThat(Manifests.name(cluster)).isNotEqualTo(original);

        JsonNode spec = cluster.path("spec");
        String source = spec.path("bootstrap").path("recovery").path("source").asText();
        JsonNode external = spec.path("externalClusters").get(0);
        assertThat(external.path("name").asText()).isEqualTo(source);
        assertThat(external.path("plugin").path("name").asText()).isEqualTo(PLUGIN);
        assertThat(external.path("plugin").path("parameters").path("serverName").asText()).isEqualTo(original);
        String store = production.all("Cluster").get(0).path("spec").path("plugins").get(0).path("parameters")
                .path("barmanObjectName").asText();
        assertThat(external.path("plugin").path("parameters").path("barmanObjectName").asText()).isEqualTo(store);
        assertThat(spec.path("bootstrap").path("recovery").path("recoveryTarget").path("targetTime").asText())
                .isNotBlank();
        // archiving under the original's name would overwrite the WAL the restore was made from
        assertThat(spec.path("plugins").get(0).path("parameters").path("serverName").asText()).isNotEqualTo(original);
        assertThat(roles(spec)).as("the services' login roles")
                .containsExactlyInAnyOrderElementsOf(roles(production.all("Cluster").get(0).path("spec")));
    }

    private static List<String> roles(JsonNode clusterSpec) {
        List<String> names = new java.util.ArrayList<>();
        clusterSpec.path("managed").path("roles").forEach(role -> names.add(role.path("name").asText()));
        return names;
    }
}
