package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ManifestSchemaTest {

    static List<String> overlays() {
        return ProjectLayout.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void everyRenderedObjectMatchesTheSchemaOfItsApi(String overlay) {
        assertThat(problems(Manifests.of(overlay).rendered())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void theSecretsAnOperatorCreatesByHandAreValidToo(String overlay) throws IOException {
        Path template = ProjectLayout.externalSecretsTemplate(overlay);
        // An overlay that does not generate its Secrets leaves them to the operator, with a template to copy.
        boolean generatesSecrets = Files.readString(ProjectLayout.overlayDir(overlay).resolve("kustomization.yaml"))
                .contains("secretGenerator:");
        if (generatesSecrets) {
            assertThat(template).as("a template for Secrets the overlay generates itself").doesNotExist();
            return;
        }
        assertThat(template).as("the Secrets an operator must create, for overlay " + overlay).isRegularFile();
        List<ObjectNode> secrets = Kustomize.readFile(template);
        assertThat(secrets).isNotEmpty().allMatch(secret -> "Secret".equals(secret.path("kind").asText()));
        assertThat(problems(secrets)).isEmpty();
    }

    private static List<String> problems(List<ObjectNode> objects) {
        ManifestValidator validator = ManifestValidator.shared();
        List<String> problems = new ArrayList<>();
        for (ObjectNode object : objects) {
            validator.validate(object).forEach(problem -> problems.add(Manifests.describe(object) + ": " + problem));
        }
        return problems;
    }
}
