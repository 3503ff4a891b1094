package dev.newsroom.bench.drill;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The platform a drill works on, as {@code ./newsroom up} started it: its addresses (every port plus
 * NEWSROOM_PORT_OFFSET, as ./newsroom adds it), its processes (the pid files under NEWSROOM_DATA/run), and
 * {@code ./newsroom start|stop <part>} to bring back what a drill broke.
 */
final class Platform {

    final Path root;
    final Path data;
    final int offset;

    Platform(Path root) {
        this.root = root;
        String configured = System.getenv("NEWSROOM_DATA");
        this.data = configured == null || configured.isBlank() ? root.resolve(".newsroom") : Path.of(configured);
        String offset = System.getenv("NEWSROOM_PORT_OFFSET");
        this.offset = offset == null || offset.isBlank() ? 0 : Integer.parseInt(offset.trim());
    }

    String articleUrl() {
        return "http://127.0.0.1:" + (8081 + offset);
    }

    String mediaUrl() {
        return "http://127.0.0.1:" + (8082 + offset);
    }

    String feedUrl() {
        return "http://127.0.0.1:" + (8083 + offset);
    }

    String serviceUrl(String service) {
        return switch (service) {
            case "article" -> articleUrl();
            case "media" -> mediaUrl();
            case "feed" -> feedUrl();
            default -> throw new IllegalArgumentException(service);
        };
    }

    String kafka() {
        return "127.0.0.1:" + (9092 + offset);
    }

    /** The process of a part (kafka, article, media, feed) from its pid file; -1 when it is not running. */
    long pid(String part) {
        try {
            Path file = data.resolve("run").resolve(part + ".pid");
            if (!Files.exists(file)) {
                return -1;
            }
            long pid = Long.parseLong(Files.readString(file).trim());
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isPresent() ? pid : -1;
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
    }

    boolean running(String part) {
        return pid(part) > 0;
    }

    /** kill -9, and waits until the process is gone. */
    void kill9(String part) {
        long pid = pid(part);
        if (pid < 0) {
            throw new IllegalStateException(part + " is not running");
        }
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow();
        process.destroyForcibly();
        process.onExit().orTimeout(10, TimeUnit.SECONDS).join();
    }

    /** {@code ./newsroom start <part>}, which returns once the part is ready; the time it took. */
    Duration start(String part) {
        return newsroom("start", part);
    }

    /** {@code ./newsroom start <part>} in the background, so the drill can watch the part come up meanwhile. */
    java.util.concurrent.CompletableFuture<Duration> startInBackground(String part) {
        return java.util.concurrent.CompletableFuture.supplyAsync(() -> start(part));
    }

    Duration stop(String part) {
        return newsroom("stop", part);
    }

    private Duration newsroom(String action, String part) {
        long started = System.nanoTime();
        try {
            ProcessBuilder builder = new ProcessBuilder(root.resolve("newsroom").toString(), action, part)
                    .redirectErrorStream(true).redirectOutput(data.resolve("logs").resolve("drill-" + part + ".log")
                            .toFile());
            builder.environment().put("NEWSROOM_PORT_OFFSET", Integer.toString(offset));
            builder.environment().put("NEWSROOM_DATA", data.toString());
            Process process = builder.start();
            if (!process.waitFor(180, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("./newsroom " + action + " " + part + " failed: see "
                        + data.resolve("logs").resolve("drill-" + part + ".log"));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The PostgreSQL server and every backend: what SIGSTOP must reach to freeze the database. */
    List<Long> postgresProcesses() throws IOException {
        Path pidFile = data.resolve("postgres").resolve("cluster").resolve("postmaster.pid");
        long postmaster = Long.parseLong(Files.readAllLines(pidFile).get(0).trim());
        List<Long> pids = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(server -> {
            pids.add(server.pid());
            server.descendants().forEach(child -> pids.add(child.pid()));
        });
        return pids;
    }

    static void signal(String signal, List<Long> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        pids.forEach(pid -> command.add(Long.toString(pid)));
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        kill.waitFor(10, TimeUnit.SECONDS);
    }
}
