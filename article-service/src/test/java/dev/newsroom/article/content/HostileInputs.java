package dev.newsroom.article.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Loads the hostile-input corpus under src/test/resources/hostile (format in its README.md). */
public final class HostileInputs {

    /** An article body vector; the input is prefix + html x repeat + suffix. */
    public record Body(String name, String html, Integer repeat, String prefix, String suffix, String reported,
            boolean tooLarge) {

        public String input() {
            return nonNull(prefix) + html.repeat(repeat == null ? 1 : repeat) + nonNull(suffix);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A headline-like plain-text vector; the input is text x repeat. */
    public record Text(String name, String text, Integer repeat, boolean valid, String reason) {

        public String input() {
            return text.repeat(repeat == null ? 1 : repeat);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileInputs() {
    }

    public static List<Body> bodies() {
        return read("/hostile/html.json", new TypeReference<>() {
        });
    }

    public static List<Text> texts() {
        return read("/hostile/plain-text.json", new TypeReference<>() {
        });
    }

    private static <T> List<T> read(String resource, TypeReference<List<T>> type) {
        try (InputStream in = HostileInputs.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the test classpath");
            }
            return JSON.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
