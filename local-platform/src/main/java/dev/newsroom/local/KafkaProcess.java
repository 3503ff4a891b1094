package dev.newsroom.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * One Kafka JVM (KRaft) living in its own folder: the settings that put it on loopback, its configuration files,
 * storage format, launch and readiness. The single local broker and every node of the local cluster are run by it.
 */
final class KafkaProcess {

    private static final String READY_LINE = "Kafka Server started";

    private final Path dir;
    private final Path libDir;
    private final String name;

    /** @param name how error messages call this process, e.g. "Kafka broker" or "Kafka node 2" */
    KafkaProcess(Path dir, Path libDir, String name) {
        this.dir = dir.toAbsolutePath();
        this.libDir = libDir.toAbsolutePath();
        this.name = name;
    }

    static void requireLib(Path libDir) {
        if (!Files.isDirectory(libDir)) {
            throw new InfrastructureException("Kafka broker jars not found in " + libDir
                    + ": build them with ./mvnw -pl local-platform package");
        }
    }

    Path log() {
        return dir.resolve("kafka.log");
    }

    /**
     * The settings that make a node with these roles serve on loopback: a PLAINTEXT listener on {@code port} when
     * it is a broker, a CONTROLLER listener on {@code controllerPort} when it is a controller, and its log folder.
     * How it finds the controller quorum is the caller's choice (static voters or a bootstrap address).
     */
    Properties loopbackConfig(int nodeId, Collection<String> roles, int port, int controllerPort) {
        Properties config = new Properties();
        config.put("process.roles", String.join(",", roles));
        config.put("node.id", Integer.toString(nodeId));
        List<String> listeners = new ArrayList<>();
        if (roles.contains("broker")) {
            listeners.add("PLAINTEXT://127.0.0.1:" + port);
            config.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        }
        if (roles.contains("controller")) {
            listeners.add("CONTROLLER://127.0.0.1:" + controllerPort);
        }
        config.put("listeners", String.join(",", listeners));
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("log.dirs", dir.resolve("log").toString());
        return config;
    }

    /** Writes server.properties (commented with {@code origin}) and the log4j2 configuration; returns the former. */
    Path writeConfiguration(Properties config, String origin) throws IOException {
        Files.createDirectories(dir.resolve("log"));
        Path file = dir.resolve("server.properties");
        try (var out = Files.newBufferedWriter(file)) {
            config.store(out, origin + "; edits are overwritten at start");
        }
        Files.writeString(dir.resolve("log4j2.properties"), """
                rootLogger.level = INFO
                rootLogger.appenderRef.out.ref = out
                appender.out.type = Console
                appender.out.name = out
                appender.out.target = SYSTEM_ERR
                appender.out.layout.type = PatternLayout
                appender.out.layout.pattern = [%d] %p %m (%c)%n
                logger.kafka.name = kafka
                logger.kafka.level = INFO
                logger.state.name = state.change.logger
                logger.state.level = WARN
                """);
        return file;
    }

    boolean formatted() {
        return Files.exists(dir.resolve("log").resolve("meta.properties"));
    }

    /** Formats the storage for {@code clusterId}; {@code options} are extra StorageTool flags (e.g. --standalone). */
    void format(Path properties, String clusterId, String... options) throws IOException, InterruptedException {
        Path formatLog = dir.resolve("kafka-format.log");
        List<String> args = new ArrayList<>(List.of("format", "-t", clusterId, "-c", properties.toString()));
        args.addAll(List.of(options));
        Process format = new ProcessBuilder(javaCommand("kafka.tools.StorageTool", args))
                .redirectErrorStream(true)
                .redirectOutput(formatLog.toFile())
                .start();
        if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
            format.destroyForcibly();
            throw new InfrastructureException("Kafka storage format failed: " + LogTail.of(formatLog, 10));
        }
    }

    /** Starts the JVM detached from this one (it outlives it) and records its pid next to its log. */
    Process launch(Path properties) throws IOException {
        Files.deleteIfExists(log());
        Process process = new ProcessBuilder(javaCommand("kafka.Kafka", List.of(properties.toString())))
                .redirectErrorStream(true)
                .redirectOutput(log().toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        Files.writeString(dir.resolve("kafka.pid"), Long.toString(process.pid()));
        return process;
    }

    void awaitReady(Process process, Duration timeout) throws InterruptedException, IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new InfrastructureException(name + " exited with code " + process.exitValue()
                        + ":\n" + LogTail.of(log(), 15));
            }
            if (Files.exists(log()) && Files.readString(log()).contains(READY_LINE)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new InfrastructureException(name + " not ready after " + timeout.toSeconds() + " s:\n"
                + LogTail.of(log(), 15));
    }

    private List<String> javaCommand(String mainClass, List<String> args) {
        List<String> command = new ArrayList<>(List.of(
                Java.executable(), "-Xms64m", "-Xmx256m", "-XX:+UseSerialGC",
                "-Dlog4j2.configurationFile=" + dir.resolve("log4j2.properties"),
                "-cp", libDir.resolve("*").toString(), mainClass));
        command.addAll(args);
        return command;
    }
}
