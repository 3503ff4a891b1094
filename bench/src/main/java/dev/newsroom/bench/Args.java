package dev.newsroom.bench;

import java.util.HashMap;
import java.util.Map;

/** --name value command-line options with defaults; a --name with no value after it is a flag. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();

    public Args(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            boolean flag = i + 1 == args.length || args[i + 1].startsWith("--");
            values.put(args[i].substring(2), flag ? "" : args[++i]);
        }
    }

    /** Prints the usage line when --help was given; answers whether it was, so that main returns. */
    public boolean help(String usage) {
        if (has("help")) {
            System.out.println(usage);
            return true;
        }
        return false;
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    public int integer(String name, int fallback) {
        return Integer.parseInt(get(name, Integer.toString(fallback)));
    }

    public double decimal(String name, double fallback) {
        return Double.parseDouble(get(name, Double.toString(fallback)));
    }
}
