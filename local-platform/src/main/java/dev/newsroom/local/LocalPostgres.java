package dev.newsroom.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster under a data directory, run with the machine's PostgreSQL binaries.
 * PostgreSQL refuses to run as root; as root the binaries run in a user namespace
 * ({@code unshare -U}), where the process is not root, so no other account or chown is needed.
 */
public final class LocalPostgres {

    public static final String DATABASE = "newsroom";
    public static final String USER = "postgres";

    private final Path dataDir;
    private final int port;
    private final boolean durable;
    private final Path binDir;

    /**
     * @param durable false for throw-away test clusters: fsync off, which is unsafe for data that must survive a crash
     * @param bundledDistribution folder holding the PostgreSQL binaries jar that Maven copied, used when the
     *        machine has no PostgreSQL installed (or when NEWSROOM_PG=bundled)
     */
    public LocalPostgres(Path dataDir, int port, boolean durable, Path bundledDistribution) {
        this.dataDir = dataDir.toAbsolutePath();
        this.port = port;
        this.durable = durable;
        this.binDir = findBinaries(bundledDistribution).orElseThrow(() -> new InfrastructureException(
                "PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL 14 or newer "
                        + "(Debian/Ubuntu: apt-get install postgresql), or set PG_BIN to their folder, "
                        + "or build the bundled ones with ./mvnw -pl local-platform package, "
                        + "or point the platform at an existing server with NEWSROOM_DB_URL"));
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE;
    }

    public int port() {
        return port;
    }

    public Path logFile() {
        return dataDir.resolve("postgres.log");
    }

    private Path cluster() {
        return dataDir.resolve("cluster");
    }

    /** Creates the cluster on first use, starts it, and creates the platform's database when missing. */
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(dataDir);
        Ports.requireFree(port, "PostgreSQL");
        if (!Files.exists(cluster().resolve("PG_VERSION"))) {
            run(List.of(bin("initdb"), "-D", cluster().toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                    "--no-locale", "--no-instructions"), 120, dataDir.resolve("initdb.log"), null);
            // Single-user mode needs only the server binary, which every distribution has (psql may be missing).
            Path script = dataDir.resolve("create-database.sql");
            Files.writeString(script, "CREATE DATABASE " + DATABASE + ";\n");
            run(List.of(bin("postgres"), "--single", "-D", cluster().toString(), "-c", "exit_on_error=true",
                    "postgres"), 60, dataDir.resolve("create-database.log"), script);
        }
        // No Unix-domain socket: its path (data directory + ".s.PGSQL.<port>") must fit in 107 bytes, which a
        // clone under a long path exceeds. Every client of this cluster connects over TCP on loopback.
        List<String> options = new ArrayList<>(List.of("-p", Integer.toString(port), "-c", "unix_socket_directories=''",
                "-c", "listen_addresses=127.0.0.1", "-c", "max_connections=200"));
        if (!durable) {
            options.addAll(List.of("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"));
        }
        run(List.of(bin("pg_ctl"), "-D", cluster().toString(), "-l", logFile().toString(), "-w", "-t", "60",
                "-o", String.join(" ", options), "start"), 90, logFile(), null);
    }

    public void stop() throws IOException, InterruptedException {
        if (Files.exists(cluster().resolve("postmaster.pid"))) {
            run(List.of(bin("pg_ctl"), "-D", cluster().toString(), "-m", "fast", "-w", "-t", "60", "stop"), 90,
                    logFile(), null);
        }
    }

    /**
     * Freezes the whole cluster (SIGSTOP to the server and every backend) until the returned handle is closed
     * (SIGCONT): the database hangs without refusing anything, as a stalled disk or a paused VM makes it.
     */
    public AutoCloseable freeze() throws IOException, InterruptedException {
        long postmaster = Long.parseLong(Files.readAllLines(cluster().resolve("postmaster.pid")).get(0).trim());
        List<String> pids = new ArrayList<>();
        ProcessHandle.of(postmaster).ifPresent(server -> {
            pids.add(Long.toString(server.pid()));
            server.descendants().forEach(child -> pids.add(Long.toString(child.pid())));
        });
        if (pids.isEmpty()) {
            throw new InfrastructureException("PostgreSQL is not running (no process " + postmaster + ")");
        }
        signal("-STOP", pids);
        return () -> signal("-CONT", pids);
    }

    private static void signal(String signal, List<String> pids) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", signal));
        command.addAll(pids);
        Process kill = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
            throw new InfrastructureException("kill " + signal + " failed: "
                    + new String(kill.getInputStream().readAllBytes()));
        }
    }

    private String bin(String tool) {
        return binDir.resolve(tool).toString();
    }

    private void run(List<String> command, int timeoutSeconds, Path log, Path input)
            throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (isRoot()) {
            full.addAll(List.of("unshare", "-U"));
        }
        full.addAll(command);
        Path output = log.equals(logFile()) ? dataDir.resolve("pg_ctl.out") : log;
        ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(output.toFile());
        if (input != null) {
            builder.redirectInput(input.toFile());
        }
        Process process = builder.start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new InfrastructureException(Path.of(command.get(0)).getFileName() + " timed out:\n"
                    + LogTail.of(log, 15));
        }
        if (process.exitValue() != 0) {
            throw new InfrastructureException(Path.of(command.get(0)).getFileName() + " failed (exit "
                    + process.exitValue() + "):\n" + LogTail.of(output, 10) + "\n" + LogTail.of(log, 10));
        }
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /**
     * PG_BIN, else the newest Debian-style /usr/lib/postgresql/N/bin, else initdb on the PATH, else the
     * binaries bundled from Maven Central.
     */
    static Optional<Path> findBinaries(Path bundledDistribution) {
        if ("bundled".equals(System.getenv("NEWSROOM_PG"))) {
            return BundledPostgres.binaries(bundledDistribution);
        }
        return installedBinaries().or(() -> BundledPostgres.binaries(bundledDistribution));
    }

    private static Optional<Path> installedBinaries() {
        String configured = System.getenv("PG_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(dir -> Files.isExecutable(dir.resolve("initdb")));
        }
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions
                        .map(version -> version.resolve("bin"))
                        .filter(dir -> Files.isExecutable(dir.resolve("initdb")))
                        .max(Comparator.comparingInt(LocalPostgres::majorVersion));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank())
                .map(Path::of)
                .filter(dir -> Files.isExecutable(dir.resolve("initdb")) && Files.isExecutable(dir.resolve("pg_ctl")))
                .findFirst();
    }

    private static int majorVersion(Path binDir) {
        try {
            return Integer.parseInt(binDir.getParent().getFileName().toString());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
