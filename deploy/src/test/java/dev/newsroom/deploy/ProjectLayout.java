package dev.newsroom.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Where the deploy module, its overlays and the services' sources are, for tests run by Maven or an IDE. */
final class ProjectLayout {

    /** The services with a database schema and Kafka topics. */
    static final List<String> SERVICES = List.of("article-service", "media-service", "feed-service");
    /** The editors' desk: stateless, in front of article-service and media-service, no database, no Kafka. */
    static final String DESK = "desk-service";
    /** Every workload the overlays deploy. */
    static final List<String> WORKLOADS = List.of("article-service", "media-service", "feed-service", DESK);
    static final String NAMESPACE = "newsroom";

    private ProjectLayout() {
    }

    static Path deployDir() {
        String configured = System.getProperty("newsroom.deploy.dir");
        Path dir = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        if (!Files.isDirectory(dir.resolve("overlays"))) {
            dir = dir.resolve("deploy");
        }
        if (!Files.isDirectory(dir.resolve("overlays"))) {
            throw new IllegalStateException("cannot find deploy/overlays from " + dir.toAbsolutePath());
        }
        return dir.toAbsolutePath().normalize();
    }

    static Path projectRoot() {
        return deployDir().getParent();
    }

    static Path serviceDir(String service) {
        return projectRoot().resolve(service);
    }

    /** Every directory under overlays/ with a kustomization.yaml: adding an overlay adds it to every test. */
    static List<String> overlays() {
        try (Stream<Path> entries = Files.list(deployDir().resolve("overlays"))) {
            return entries.filter(dir -> Files.isRegularFile(dir.resolve("kustomization.yaml")))
                    .map(dir -> dir.getFileName().toString())
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path overlayDir(String overlay) {
        return deployDir().resolve("overlays").resolve(overlay);
    }

    /** Secrets an operator creates outside Git before applying the overlay (absent for overlays that generate theirs). */
    static Path externalSecretsTemplate(String overlay) {
        return overlayDir(overlay).resolve("secrets.example.yaml");
    }
}
