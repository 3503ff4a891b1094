package dev.newsroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import dev.newsroom.local.InfrastructureException;
import dev.newsroom.local.LocalKafka;
import dev.newsroom.local.LocalPostgres;
import dev.newsroom.local.Ports;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** The Kafka broker and PostgreSQL that {@code ./newsroom} runs, started as local processes under target/. */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class LocalProcessInfrastructure implements Infrastructure {

    private final LocalKafka kafka;
    private final LocalPostgres postgres;
    private Process broker;

    static LocalProcessInfrastructure start() {
        return startUnder(Path.of("target").toAbsolutePath());
    }

    /** Starts both under a fresh folder of {@code target}, whatever the length of its path. */
    static LocalProcessInfrastructure startUnder(Path targetDir) {
        Path root = projectRoot();
        Path libDir = root.resolve("local-platform/target/kafka-lib");
        if (!Files.isDirectory(libDir)) {
            throw new InfrastructureException("No Docker engine answers and the local Kafka broker is not built ("
                    + libDir + " is missing): run the tests through ./mvnw verify from the project root");
        }
        return blocking("starting the test infrastructure", () -> {
            Path target = Files.createDirectories(targetDir);
            stopLeftovers(target, root);
            Path dataDir = Files.createTempDirectory(target, "test-infrastructure-");
            var infrastructure = new LocalProcessInfrastructure(
                    new LocalKafka(dataDir.resolve("kafka"), libDir, Ports.free(), Ports.free()),
                    new LocalPostgres(dataDir.resolve("postgres"), Ports.free(), false,
                            root.resolve("local-platform/target/postgres-dist")));
            infrastructure.postgres.start();
            infrastructure.broker = infrastructure.kafka.start(Duration.ofSeconds(90));
            return infrastructure;
        });
    }

    /** A step that waits on a process or a file. */
    private interface Step<T> {
        T run() throws IOException, InterruptedException;
    }

    /** Runs the step; its I/O failure or interruption surfaces unchecked, the interrupt flag kept. */
    private static <T> T blocking(String what, Step<T> step) {
        try {
            return step.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InfrastructureException("interrupted while " + what);
        }
    }

    /** A test JVM that was killed never ran its shutdown hook: stop what it left running before starting anew. */
    private static void stopLeftovers(Path target, Path root) throws IOException {
        try (var leftovers = Files.newDirectoryStream(target, "test-infrastructure-*")) {
            for (Path dir : leftovers) {
                Path pid = dir.resolve("kafka").resolve("kafka.pid");
                if (Files.exists(pid)) {
                    ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroy);
                }
                if (Files.exists(dir.resolve("postgres").resolve("cluster").resolve("postmaster.pid"))) {
                    try {
                        new LocalPostgres(dir.resolve("postgres"), 0, false,
                                root.resolve("local-platform/target/postgres-dist")).stop();
                    } catch (RuntimeException e) {
                        System.err.println("could not stop a leftover test PostgreSQL in " + dir + ": " + e.getMessage());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }
    }

    private static Path projectRoot() {
        String configured = System.getProperty("newsroom.root");
        if (configured != null) {
            return Path.of(configured);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("newsroom"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new InfrastructureException("cannot find the project root (the folder with ./newsroom)");
        }
        return dir;
    }

    @Override
    public Endpoints endpoints() {
        return new Endpoints(kafka.bootstrapServers(), postgres.jdbcUrl(), LocalPostgres.USER, "");
    }

    @Override
    public Outage databaseFreeze() {
        AutoCloseable frozen = blocking("freezing PostgreSQL", postgres::freeze);
        return () -> {
            try {
                frozen.close();
            } catch (Exception e) {
                throw new InfrastructureException("could not thaw PostgreSQL: " + e.getMessage());
            }
        };
    }

    @Override
    public synchronized Outage kafkaOutage() {
        stopBroker();
        return () -> {
            synchronized (this) {
                broker = blocking("restarting Kafka", () -> kafka.start(Duration.ofSeconds(90)));
            }
        };
    }

    @Override
    public synchronized void stop() {
        stopBroker();
        try {
            postgres.stop();
        } catch (IOException | RuntimeException e) {
            System.err.println("stopping the test PostgreSQL failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void stopBroker() {
        if (broker == null) {
            return;
        }
        broker.destroy();
        try {
            if (!broker.waitFor(30, TimeUnit.SECONDS)) {
                broker.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        broker = null;
    }
}
