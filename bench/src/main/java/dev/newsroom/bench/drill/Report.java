package dev.newsroom.bench.drill;

import java.util.ArrayList;
import java.util.List;

/** A drill's figures as it prints them, each with its target; the drill fails if one target is missed. */
final class Report {

    private final String drill;
    private final List<String> missed = new ArrayList<>();

    Report(String drill) {
        this.drill = drill;
        System.out.printf("%n=== drill: %s ===%n", drill);
    }

    void note(String text, Object... args) {
        System.out.printf("  " + text + "%n", args);
    }

    /** A figure that must be at most {@code max}. */
    void atMost(String figure, double value, double max, String unit) {
        boolean met = value <= max;
        System.out.printf("  %-58s %10s %-3s (target <= %s)%s%n", figure, format(value), unit, format(max),
                met ? "" : "   MISSED");
        if (!met) {
            missed.add(figure);
        }
    }

    void zero(String figure, long value) {
        atMost(figure, value, 0, "");
    }

    void check(String figure, boolean met, String detail) {
        System.out.printf("  %-58s %s%s%n", figure, detail, met ? "" : "   MISSED");
        if (!met) {
            missed.add(figure);
        }
    }

    boolean passed() {
        System.out.printf("  => %s: %s%n", drill, missed.isEmpty() ? "every target met" : "MISSED " + missed);
        return missed.isEmpty();
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e12 ? Long.toString((long) value)
                : String.format("%.2f", value);
    }
}
