package dev.newsroom.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.newsroom.local.Ports;

/**
 * Packaged services started as their own processes, exactly as {@code ./newsroom} runs them, against the shared
 * test Kafka and PostgreSQL (end-to-end tests, the desk's browser tests).
 */
public final class RunningPlatform implements AutoCloseable {

    /** Four services starting at once on a busy two-core machine have been seen to need more than two minutes. */
    private static final Duration STARTUP = Duration.ofSeconds(300);
    private static final Duration STOP = Duration.ofSeconds(10);

    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final List<Process> processes = new ArrayList<>();
    private final Path root;
    private final Path work;
    private final Map<String, String> environment;

    private RunningPlatform(Path root, Path work, Map<String, String> environment) {
        this.root = root;
        this.work = work;
        this.environment = Map.copyOf(environment);
    }

    /**
     * The named services ("article", "media", "feed", "desk"), each on a free port, with more environment for each
     * (e.g. tracing switched on and exporting to a test's receiver, or section names), once all are ready.
     */
    public static RunningPlatform start(List<String> services, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path root = Path.of(System.getProperty("newsroom.root", "..")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "platform-");
        RunningPlatform platform = new RunningPlatform(root, work, environment);
        try {
            for (String service : services) {
                platform.ports.put(service, Ports.free());
            }
            for (String service : platform.ports.keySet()) {
                platform.startService(service);
            }
            for (String service : platform.ports.keySet()) {
                platform.awaitReady(service);
            }
            return platform;
        } catch (IOException | InterruptedException | RuntimeException e) {
            platform.close();
            throw e;
        }
    }

    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    private void startService(String service) throws IOException {
        Path jar = root.resolve(service + "-service/target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run ./mvnw verify from the project root, "
                    + "which packages the services before these tests");
        }
        Infrastructure infrastructure = Infrastructure.shared();
        ProcessBuilder builder = new ProcessBuilder(javaExecutable(), "-Xmx384m", "-XX:+UseSerialGC", "-jar",
                jar.toString())
                .redirectErrorStream(true)
                .redirectOutput(work.resolve(service + ".log").toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_PROFILE", "local");
        env.put("QUARKUS_HTTP_PORT", Integer.toString(ports.get(service)));
        env.put("QUARKUS_DATASOURCE_JDBC_URL", infrastructure.jdbcUrl());
        env.put("QUARKUS_DATASOURCE_USERNAME", infrastructure.username());
        env.put("QUARKUS_DATASOURCE_PASSWORD", infrastructure.password());
        env.put("KAFKA_BOOTSTRAP_SERVERS", infrastructure.bootstrapServers());
        env.put("NEWSROOM_MEDIA_DIRECTORY", work.resolve("media").toString());
        env.put("NEWSROOM_MEDIA_PUBLIC_URL", "http://127.0.0.1:" + ports.get("media"));
        env.put("NEWSROOM_MEDIA_BASE_URL", "http://127.0.0.1:" + ports.get("media"));
        env.put("NEWSROOM_FEED_PUBLIC_BASE_URL", "http://127.0.0.1:" + ports.get("feed"));
        env.put("QUARKUS_REST_CLIENT_ARTICLES_URL", "http://127.0.0.1:" + ports.get("article"));
        env.put("QUARKUS_REST_CLIENT_MEDIA_URL", "http://127.0.0.1:" + ports.get("media"));
        env.put("NEWSROOM_DESK_SITE_URL", "http://127.0.0.1:" + ports.get("feed"));
        env.putAll(environment);
        processes.add(builder.start());
    }

    private void awaitReady(String service) throws InterruptedException, IOException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(STARTUP);
        while (Instant.now().isBefore(deadline)) {
            Process process = processes.get(List.copyOf(ports.keySet()).indexOf(service));
            if (!process.isAlive()) {
                throw new IllegalStateException(service + "-service exited: " + tail(service));
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(service + "-service not ready in " + STARTUP.toSeconds() + " s: " + tail(service));
    }

    private String tail(String service) throws IOException {
        List<String> lines = Files.readAllLines(work.resolve(service + ".log"));
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    /**
     * Stops every service, forcibly after {@link #STOP} in all: at the test JVM's exit this runs in a shutdown hook
     * beside the one stopping Kafka and PostgreSQL, and the test runner halts a JVM that takes longer than 30 s to
     * exit, which would leave a service still waiting on the stopped broker running after the build.
     */
    @Override
    public void close() {
        for (Process process : processes) {
            process.destroy();
        }
        Instant deadline = Instant.now().plus(STOP);
        try {
            for (Process process : processes) {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                if (!process.waitFor(left, TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            processes.forEach(Process::destroyForcibly);
            Thread.currentThread().interrupt();
        }
    }
}
