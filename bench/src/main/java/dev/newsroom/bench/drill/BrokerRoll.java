package dev.newsroom.bench.drill;

import java.time.Duration;

/**
 * A rolling restart of the three Kafka nodes, one at a time (SIGTERM: a controlled shutdown, then a start, then
 * waiting until every partition is back in sync before the next), under 5 publishes/s and 500 feed GETs/s through
 * the balancers: nothing lost, no error seen by editors or readers.
 */
final class BrokerRoll {

    private static final double PUBLISHES = 5;
    private static final double READS = 500;

    boolean run(Platform platform) throws Exception {
        Cluster cluster = new Cluster(platform);
        Report report = new Report("rolling restart of the 3 Kafka nodes under " + PUBLISHES + " publishes/s and "
                + READS + " feed GETs/s");
        report.note("before: partitions in sync after %.1f s", cluster.awaitInSync(Duration.ofSeconds(60)).toMillis() / 1000.0);
        ClusterLoad load = new ClusterLoad(platform, "broker-roll", PUBLISHES, READS);
        try {
            Thread.sleep(5_000);
            for (int node = 1; node <= 3; node++) {
                String part = "kafka-" + node;
                long stopping = load.second();
                Duration stop = cluster.stop(part);
                Duration begin = cluster.start(part);
                Duration inSync = cluster.awaitInSync(Duration.ofSeconds(120));
                report.note("%s: from the load's second %d, controlled shutdown %.1f s, start %.1f s, partitions in "
                        + "sync %.1f s later", part, stopping, stop.toMillis() / 1000.0, begin.toMillis() / 1000.0,
                        inSync.toMillis() / 1000.0);
            }
            Thread.sleep(5_000);
        } finally {
            load.close();
            for (int node = 1; node <= 3; node++) {
                if (cluster.pid("kafka-" + node) < 0) {
                    cluster.start("kafka-" + node);
                }
            }
        }
        load.report(report);
        load.checkDelivered(report);
        return report.passed();
    }
}
