package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The monitoring component as the production overlay renders it: scrape targets that match the pods, alert rules
 * that promtool accepts and whose unit tests pass, a runbook section for every alert, and a dashboard that parses
 * and queries only metrics that really exist (metrics.txt, which the services' tests check against /q/metrics).
 */
class MonitoringTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Metric names as PromQL writes them; recording rules contain colons. */
    private static final Pattern METRIC = Pattern.compile("\\b([a-z_][a-z0-9_]*:[a-z0-9_:]+|"
            + "(?:newsroom|http|jvm|process|system|agroal|kafka|cnpg)_[a-z0-9_]+)\\b");
    private static final Pattern RUNBOOK = Pattern.compile("^https://[^#]+/deploy/README\\.md#([a-z0-9-]+)$");

    private final Manifests production = Manifests.of("production");

    @Test
    void podMonitorsScrapeEveryServiceOnItsMetricsPortAndTheAnnotationsStay() {
        JsonNode services = production.get("PodMonitor", "newsroom-services").path("spec");
        assertThat(Manifests.strings(services.path("selector").path("matchExpressions").get(0).path("values")))
                .containsExactlyInAnyOrderElementsOf(ProjectLayout.WORKLOADS);
        JsonNode endpoint = services.path("podMetricsEndpoints").get(0);
        assertThat(endpoint.path("path").asText()).isEqualTo("/q/metrics");
        for (String service : ProjectLayout.WORKLOADS) {
            List<String> ports = new ArrayList<>();
            production.container(service).path("ports").forEach(port -> ports.add(port.path("name").asText()));
            assertThat(ports).as(service + " container ports").contains(endpoint.path("port").asText());
            JsonNode annotations = production.deployment(service).path("spec").path("template").path("metadata")
                    .path("annotations");
            assertThat(annotations.path("prometheus.io/scrape").asText()).as(service).isEqualTo("true");
            assertThat(annotations.path("prometheus.io/path").asText()).as(service).isEqualTo("/q/metrics");
        }
        assertThat(production.get("PodMonitor", "newsroom-kafka").path("spec").path("selector").path("matchLabels")
                .path("strimzi.io/cluster").asText()).isEqualTo(production.all("Kafka").get(0).path("metadata")
                .path("name").asText());
        JsonNode metricsConfig = production.all("Kafka").get(0).path("spec").path("kafka").path("metricsConfig");
        String configMap = metricsConfig.path("valueFrom").path("configMapKeyRef").path("name").asText();
        assertThat(production.get("ConfigMap", configMap).path("data")
                .has(metricsConfig.path("valueFrom").path("configMapKeyRef").path("key").asText())).isTrue();
    }

    @Test
    void alertRulesPassPromtoolsChecksAndUnitTests(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("rules.yaml"), YAML.writeValueAsString(rules().path("spec")));
        try (var tests = MonitoringTest.class.getResourceAsStream("/monitoring/alerts-test.yaml")) {
            assertThat(tests).as("src/test/resources/monitoring/alerts-test.yaml").isNotNull();
            Files.copy(tests, dir.resolve("alerts-test.yaml"));
        }
        assertThat(Promtool.run(dir, "check", "rules", "rules.yaml")).contains("SUCCESS");
        assertThat(Promtool.run(dir, "test", "rules", "alerts-test.yaml")).contains("SUCCESS");
    }

    @Test
    void everyAlertIsTestedAndHasASeverityASummaryAndARunbookSectionInTheReadme() throws IOException {
        Set<String> anchors = readmeAnchors();
        String promtoolTests = new String(MonitoringTest.class.getResourceAsStream("/monitoring/alerts-test.yaml")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        List<String> alerts = new ArrayList<>();
        for (JsonNode group : rules().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (!rule.has("alert")) {
                    continue;
                }
                String alert = rule.path("alert").asText();
                alerts.add(alert);
                assertThat(rule.path("labels").path("severity").asText()).as(alert).isIn("critical", "warning");
                assertThat(rule.path("annotations").path("summary").asText()).as(alert).isNotBlank();
                Matcher runbook = RUNBOOK.matcher(rule.path("annotations").path("runbook_url").asText());
                assertThat(runbook.matches()).as(alert + " runbook_url").isTrue();
                assertThat(runbook.group(1)).as(alert + " runbook anchor").isEqualTo(alert.toLowerCase(Locale.ROOT));
                assertThat(anchors).as("a section '### " + alert + "' in deploy/README.md").contains(runbook.group(1));
                assertThat(promtoolTests).as(alert + " has a promtool test").contains("alertname: " + alert);
            }
        }
        assertThat(alerts).contains("NewsroomPublishToVisibleFastBurn", "NewsroomPublishToVisibleSlowBurn",
                "NewsroomDeadLetters", "NewsroomConsumerLag", "NewsroomOutboxBacklog", "NewsroomHttp503",
                "NewsroomScheduledPublicationOverdue", "NewsroomScheduledPublicationLate");
    }

    @Test
    void theDashboardIsForTheGrafanaSidecarAndQueriesOnlyMetricsThatExist() throws IOException {
        ObjectNode configMap = production.get("ConfigMap", "newsroom-grafana-dashboard");
        assertThat(configMap.path("metadata").path("labels").path("grafana_dashboard").asText()).isEqualTo("1");
        JsonNode dashboard = JSON.readTree(configMap.path("data").path("newsroom-dashboard.json").asText());
        assertThat(dashboard.path("uid").asText()).isNotBlank();

        Set<String> known = new HashSet<>(exportedMetrics().keySet());
        Set<String> recorded = new HashSet<>();
        for (JsonNode group : rules().path("spec").path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                if (rule.has("record")) {
                    recorded.add(rule.path("record").asText());
                }
                assertThat(unknownMetrics(rule.path("expr").asText(), known, recorded))
                        .as("metrics of rule " + rule.path("alert").asText(rule.path("record").asText())).isEmpty();
            }
        }
        known.addAll(recorded);
        int queries = 0;
        for (JsonNode panel : dashboard.path("panels")) {
            if ("row".equals(panel.path("type").asText())) {
                continue;
            }
            assertThat(panel.path("targets").size()).as("queries of panel " + panel.path("title")).isPositive();
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText();
                assertThat(metricsIn(expr)).as("metrics in " + expr).isNotEmpty();
                assertThat(unknownMetrics(expr, known, Set.of())).as("panel " + panel.path("title")).isEmpty();
                queries++;
            }
        }
        assertThat(queries).isGreaterThan(15);
    }

    @Test
    void theListOfExportedMetricsNamesOnlyServicesAndExternalExporters() {
        Set<String> owners = new TreeSet<>();
        exportedMetrics().values().forEach(owners::addAll);
        Set<String> allowed = new HashSet<>(ProjectLayout.SERVICES);
        allowed.add("external");
        assertThat(allowed).containsAll(owners);
        assertThat(owners).containsAll(ProjectLayout.SERVICES);
    }

    private ObjectNode rules() {
        return production.get("PrometheusRule", "newsroom-alerts");
    }

    /** metric name -> who exports it, from components/monitoring/metrics.txt. */
    static Map<String, Set<String>> exportedMetrics() {
        Map<String, Set<String>> metrics = new HashMap<>();
        try {
            for (String line : Files.readAllLines(ProjectLayout.deployDir().resolve("components/monitoring/metrics.txt"))) {
                String content = line.strip();
                if (content.isEmpty() || content.startsWith("#")) {
                    continue;
                }
                String[] fields = content.split("\\s+");
                metrics.computeIfAbsent(fields[1], name -> new TreeSet<>()).add(fields[0]);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return metrics;
    }

    private static Set<String> metricsIn(String expr) {
        // label values and regexes are strings, not metric names
        String code = expr.replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "\"\"");
        Set<String> names = new TreeSet<>();
        Matcher metric = METRIC.matcher(code);
        while (metric.find()) {
            names.add(metric.group(1));
        }
        return names;
    }

    private static Set<String> unknownMetrics(String expr, Set<String> known, Set<String> alsoKnown) {
        Set<String> unknown = new TreeSet<>(metricsIn(expr));
        unknown.removeAll(known);
        unknown.removeAll(alsoKnown);
        return unknown;
    }

    /** GitHub's anchors of the README's headings: lower case, spaces to dashes, punctuation dropped. */
    private static Set<String> readmeAnchors() throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(ProjectLayout.deployDir().resolve("README.md"))) {
            if (line.startsWith("#")) {
                anchors.add(line.replaceFirst("^#+\\s*", "").strip().toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }
}
