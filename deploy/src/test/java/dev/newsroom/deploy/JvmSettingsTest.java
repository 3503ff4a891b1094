package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The pods run each service's JVM with the heap and options local-platform/jvm.sh gives it on a developer's machine. */
class JvmSettingsTest {

    @Test
    void jvmShDeclaresAHeapForEveryWorkloadAndTheSharedOptions() throws IOException {
        // Guards the parser: if jvm.sh stops declaring these, the comparisons below would check nothing.
        JvmSh jvm = JvmSh.read();

        assertThat(jvm.heap()).containsOnlyKeys("article", "media", "feed", "desk");
        assertThat(jvm.options()).contains("-Xms64m").hasSizeGreaterThan(3);
        assertThat(jvm.gc()).startsWith("-XX:+Use");
        assertThat(jvm.mallocArenas()).isNotBlank();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("dev.newsroom.deploy.ServiceConfigurationTest#overlaysAndWorkloads")
    void thePodsJvmHasTheHeapAndOptionsOfTheLocalPlatform(String overlay, String service) throws IOException {
        JvmSh jvm = JvmSh.read();
        String name = service.substring(0, service.indexOf('-'));
        JsonNode container = Manifests.of(overlay).container(service);

        assertThat(value(container, "JAVA_OPTS_APPEND"))
                .as("JAVA_OPTS_APPEND of %s in %s (run-java.sh appends it last, so it wins)", service, overlay)
                .contains("-Xmx" + jvm.heap().get(name) + " " + String.join(" ", jvm.options()));
        assertThat(value(container, "GC_CONTAINER_OPTIONS")).as("the garbage collector of %s", service).contains(jvm.gc());
        assertThat(value(container, "MALLOC_ARENA_MAX")).as("MALLOC_ARENA_MAX of %s", service)
                .contains(jvm.mallocArenas());
        // run-java.sh would size the heap from the limit instead; -Xmx is the one place it is set
        assertThat(value(container, "JAVA_MAX_MEM_RATIO")).as("JAVA_MAX_MEM_RATIO of %s", service).isEmpty();
    }

    private static Optional<String> value(JsonNode container, String variable) {
        for (JsonNode entry : container.path("env")) {
            if (variable.equals(entry.path("name").asText()) && entry.has("value")) {
                return Optional.of(entry.path("value").asText());
            }
        }
        return Optional.empty();
    }

    /** The settings local-platform/jvm.sh declares: HEAP per service, JVM_GC, JVM_OPTIONS and MALLOC_ARENAS. */
    private record JvmSh(Map<String, String> heap, String gc, List<String> options, String mallocArenas) {

        private static final Pattern HEAP = Pattern.compile("(?m)^declare -A HEAP=\\(([^)]*)\\)");
        private static final Pattern HEAP_ENTRY = Pattern.compile("\\[(\\w+)]=(\\S+)");
        private static final Pattern GC = Pattern.compile("(?m)^JVM_GC=(\\S+)$");
        private static final Pattern OPTIONS = Pattern.compile("(?m)^JVM_OPTIONS=\\(([^)]*)\\)");
        private static final Pattern ARENAS = Pattern.compile("(?m)^MALLOC_ARENAS=(\\S+)$");

        static JvmSh read() throws IOException {
            String script = Files.readString(ProjectLayout.projectRoot().resolve("local-platform/jvm.sh"));
            Map<String, String> heap = new HashMap<>();
            Matcher entry = HEAP_ENTRY.matcher(group(HEAP, script));
            while (entry.find()) {
                heap.put(entry.group(1), entry.group(2));
            }
            List<String> options = List.of(group(OPTIONS, script).trim().split("\\s+"));
            return new JvmSh(heap, group(GC, script), options, group(ARENAS, script));
        }

        private static String group(Pattern pattern, String script) {
            Matcher matcher = pattern.matcher(script);
            assertThat(matcher.find()).as("local-platform/jvm.sh declares %s", pattern).isTrue();
            return matcher.group(1);
        }
    }
}
