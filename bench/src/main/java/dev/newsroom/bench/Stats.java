package dev.newsroom.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a set of durations in milliseconds, nearest-rank. */
record Stats(int count, double p50, double p95, double p99, double max, double mean) {

    static Stats of(List<Double> millis) {
        if (millis.isEmpty()) {
            return new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(sorted);
        return new Stats(sorted.length, rank(sorted, 50), rank(sorted, 95), rank(sorted, 99),
                sorted[sorted.length - 1], Arrays.stream(sorted).average().orElse(Double.NaN));
    }

    private static double rank(double[] sorted, double percentile) {
        int index = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }

    String line() {
        return String.format("n=%d  p50 %7.1f ms  p95 %7.1f ms  p99 %7.1f ms  max %7.1f ms  mean %7.1f ms",
                count, p50, p95, p99, max, mean);
    }
}
