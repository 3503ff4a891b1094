package dev.newsroom.local;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point that {@code ./newsroom} calls to start and stop the infrastructure parts, so the
 * command line and the tests start Kafka and PostgreSQL through the same code.
 */
public final class LocalPlatformCommand {

    private LocalPlatformCommand() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            usage();
        }
        Path dataDir = Path.of(args[1]);
        try {
            switch (args[0]) {
                case "kafka-start" -> {
                    LocalKafka kafka = new LocalKafka(dataDir, Path.of(arg(args, 2)), Integer.parseInt(arg(args, 3)),
                            Integer.parseInt(arg(args, 4)));
                    kafka.start(Duration.ofSeconds(90));
                }
                case "kafka-cluster-start" -> cluster(args).start(Duration.ofSeconds(120));
                case "kafka-node-start" -> cluster(args).startNode(Integer.parseInt(arg(args, 5)), Duration.ofSeconds(90));
                case "kafka-await-in-sync" -> cluster(args).awaitInSync(Duration.ofSeconds(Integer.parseInt(arg(args, 5))));
                case "postgres-start" -> new LocalPostgres(dataDir, Integer.parseInt(arg(args, 2)), true,
                        Path.of(arg(args, 3))).start();
                case "postgres-stop" -> new LocalPostgres(dataDir, 0, true, Path.of(arg(args, 2))).stop();
                default -> usage();
            }
        } catch (InfrastructureException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** DATA_DIR LIB_DIR MANIFESTS (deploy/'s Kafka files, comma-separated) BASE_PORT. */
    private static KafkaCluster cluster(String[] args) {
        List<Path> manifests = Arrays.stream(arg(args, 3).split(",")).map(Path::of).toList();
        return new KafkaCluster(Path.of(args[1]), Path.of(arg(args, 2)), KafkaManifests.read(manifests),
                Integer.parseInt(arg(args, 4)));
    }

    private static String arg(String[] args, int index) {
        if (args.length <= index) {
            usage();
        }
        return args[index];
    }

    private static void usage() {
        System.err.println("usage: kafka-start DATA_DIR LIB_DIR PORT CONTROLLER_PORT"
                + " | kafka-cluster-start DATA_DIR LIB_DIR MANIFESTS BASE_PORT"
                + " | kafka-node-start DATA_DIR LIB_DIR MANIFESTS BASE_PORT NODE_ID"
                + " | kafka-await-in-sync DATA_DIR LIB_DIR MANIFESTS BASE_PORT SECONDS"
                + " | postgres-start DATA_DIR PORT BUNDLED_DIR | postgres-stop DATA_DIR BUNDLED_DIR");
        System.exit(2);
    }
}
