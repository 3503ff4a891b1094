package dev.newsroom.bench.drill;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fault drills: each breaks one part of a running platform (./newsroom up) the way an operator will meet it,
 * measures what users saw, restores what it broke even when it fails, and prints its figures against the targets.
 * Usage: {@code Drills --root <clone> <drill>...} (see bench/README.md); exit status 1 if a target was missed.
 */
public final class Drills {

    /** One drill: runs and says whether every target was met. */
    interface Drill {
        boolean run(Platform platform) throws Exception;
    }

    static final Map<String, Drill> ALL = new LinkedHashMap<>();

    static {
        ALL.put("broker-kill", new BrokerKill()::run);
        ALL.put("feed-kill", new FeedKill()::run);
        ALL.put("article-kill", new ArticleKill()::run);
        ALL.put("media-kill", new MediaKill()::run);
        ALL.put("postgres-freeze", platform -> new DatabaseOutage(false).run(platform));
        ALL.put("postgres-restart", platform -> new DatabaseOutage(true).run(platform));
        ALL.put("chaos-delivery", new ChaosDelivery()::run);
        // on the cluster (./newsroom up --cluster): three Kafka nodes, two replicas of each service behind haproxy
        ALL.put("cluster-steady", new Steady()::run);
        ALL.put("cluster-broker-roll", new BrokerRoll()::run);
        ALL.put("cluster-broker-loss", new BrokerLoss()::run);
        ALL.put("cluster-service-roll", new ServiceRoll()::run);
        ALL.put("cluster-partition", new FeedPartition()::run);
    }

    private Drills() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || !args[0].equals("--root")) {
            System.err.println("usage: Drills --root <clone> all|" + String.join("|", ALL.keySet()) + " ...");
            System.exit(2);
        }
        Platform platform = new Platform(Path.of(args[1]));
        List<String> chosen = args[2].equals("all") ? List.copyOf(ALL.keySet()) : List.of(args).subList(2, args.length);
        Map<String, Boolean> results = new LinkedHashMap<>();
        for (String name : chosen) {
            Drill drill = ALL.get(name);
            if (drill == null) {
                System.err.println("no drill named " + name + ": " + ALL.keySet());
                System.exit(2);
            }
            boolean passed;
            try {
                passed = drill.run(platform);
            } catch (Exception | AssertionError e) {
                System.out.printf("  drill %s stopped: %s%n", name, e);
                passed = false;
            }
            results.put(name, passed);
        }
        System.out.printf("%n=== drills: %s ===%n", results);
        System.exit(results.containsValue(false) ? 1 : 0);
    }
}
