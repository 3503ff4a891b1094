package dev.newsroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * A service's /q/metrics page (Prometheus text format 0.0.4) read into samples, so tests can ask for the value of a
 * metric with some labels rather than match strings.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class PrometheusText {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})?\\s+(\\S+)(?:\\s+\\d+)?$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\",?");

    /** One line of the page: name, labels, value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            // an exemplar (" # {trace_id=...} value time", present while tracing is on) is not part of the sample
            int exemplar = line.indexOf(" # {");
            Matcher sample = SAMPLE.matcher((exemplar < 0 ? line : line.substring(0, exemplar)).strip());
            if (!sample.matches()) {
                throw new IllegalArgumentException("not a Prometheus sample line: " + line);
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2).replace("\\\"", "\"").replace("\\\\", "\\"));
                }
            }
            samples.add(new Sample(sample.group(1), labels, Double.parseDouble(sample.group(3))));
        }
        return new PrometheusText(samples);
    }

    /** Every sample of this metric whose labels include these (name=value pairs). */
    public List<Sample> samples(String name, String... labels) {
        Map<String, String> wanted = new LinkedHashMap<>();
        for (int i = 0; i + 1 < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return samples.stream().filter(sample -> sample.name().equals(name))
                .filter(sample -> sample.labels().entrySet().containsAll(wanted.entrySet())).toList();
    }

    /** The value of the first matching sample, empty when there is none. */
    public Optional<Double> value(String name, String... labels) {
        return samples(name, labels).stream().map(Sample::value).findFirst();
    }

    /** The sum over the matching samples (0 when there is none). */
    public double sum(String name, String... labels) {
        return samples(name, labels).stream().mapToDouble(Sample::value).sum();
    }

    /**
     * The metric names deploy/'s alerts and dashboard expect from this application (deploy/components/monitoring/
     * metrics.txt), so a service's test proves they are really exported and the list cannot drift.
     */
    public static Set<String> monitoredNames(String application) {
        Path list = Path.of("..", "deploy", "components", "monitoring", "metrics.txt");
        Set<String> names = new TreeSet<>();
        try {
            for (String line : Files.readAllLines(list)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length == 2 && !fields[0].startsWith("#") && fields[0].equals(application)) {
                    names.add(fields[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + list.toAbsolutePath(), e);
        }
        if (names.isEmpty()) {
            throw new IllegalStateException(list.toAbsolutePath() + " lists no metric of " + application);
        }
        return names;
    }

    /** The names of every metric on the page. */
    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(sample -> names.add(sample.name()));
        return names;
    }
}
