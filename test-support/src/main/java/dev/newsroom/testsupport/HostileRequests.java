package dev.newsroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Hostile requests for every operation a service's OpenAPI document lists: each path segment, query parameter and
 * header parameter in turn carries a hostile value (NUL, line breaks, invalid UTF-8, traversal, huge, ...), and
 * every body-taking operation gets hostile JSON bodies. A service passes when none of them gets a 5xx and every
 * 4xx is a problem document.
 */
public final class HostileRequests {

    /** Already percent-encoded, as an attacker would put them in a URL. */
    static final List<String> URL_VALUES = List.of("%00", "a%00b", "%0d%0aSet-Cookie:%20x=1", "%ff%fe%fd", "%c0%af",
            "..%2f..%2fetc%2fpasswd", "%27%20OR%201=1--", "%E2%80%AE%F0%9F%92%A9", "-1", "99999999999999999999999",
            "%7B%7D", "x".repeat(4000), "%25", "%09", "%7f");
    static final List<String> HEADER_VALUES = List.of("\"", "W/", "*, \"", "x".repeat(6000), "%00",
            "\u00e9\u00e8", "Mon, 32 Foo 99999 99:99:99 GMT", "-1", "\"\\u0000\"");
    static final List<String> JSON_BODIES = List.of("{}", "[]", "null", "\"\\u0000\"", "{\"a\":\"\\u0000\"}", "{",
            "{\"at\":\"+999999-01-01T00:00:00Z\"}", "{\"caption\":\"\\u0000\",\"credit\":\"\\u0000\",\"altText\":\"\\u0000\"}",
            "{\"reason\":\"\\u0000\"}");

    private static final ObjectMapper JSON = new ObjectMapper();

    private HostileRequests() {
    }

    /** One request to send, and what it is, for the test's name. */
    public record Probe(String name, String method, String pathAndQuery, Map<String, String> headers, String contentType,
            byte[] body) {
    }

    /**
     * One test per probe of {@link #probes}, sent with {@code authorization} (none when null): each fails on a 5xx,
     * and on a 4xx that is not a problem document.
     */
    public static Stream<DynamicTest> noneGetsA5xx(String baseUrl, String authorization) {
        return probes(baseUrl).stream().map(probe -> DynamicTest.dynamicTest(probe.name(), () -> {
            HttpResponse<String> response = send(baseUrl, probe, authorization);
            requireBelow500(probe, response);
            String type = response.headers().firstValue("Content-Type").orElse("none");
            if (response.statusCode() >= 400 && !type.startsWith("application/problem+json")) {
                throw new AssertionError(probe.name() + ": " + response.statusCode() + " with Content-Type " + type
                        + " instead of application/problem+json");
            }
        }));
    }

    /**
     * Sends every request of {@link #uniquePaths} with {@code authorization} (none when null), then fails if one got a
     * 5xx or if /q/metrics names any of their paths.
     */
    public static void requireUniquePathsOutOfMetrics(String baseUrl, String authorization) {
        String marker = "probe" + UUID.randomUUID().toString().replace("-", "");
        for (Probe probe : uniquePaths(baseUrl, marker)) {
            requireBelow500(probe, send(baseUrl, probe, authorization));
        }
        String metrics = send(baseUrl, new Probe("metrics", "GET", "/q/metrics", Map.of(), null, null), null).body();
        if (!metrics.contains("http_server_requests")) {
            throw new AssertionError("/q/metrics has no http_server_requests series:\n" + metrics);
        }
        if (metrics.contains(marker)) {
            throw new AssertionError("/q/metrics carries a requested path as a label value: " + marker);
        }
    }

    private static void requireBelow500(Probe probe, HttpResponse<String> response) {
        if (response.statusCode() >= 500) {
            throw new AssertionError(probe.name() + ": " + response.statusCode() + " " + response.body());
        }
    }

    /** Every probe for every operation of the OpenAPI document at {@code baseUrl + "/q/openapi?format=json"}. */
    public static List<Probe> probes(String baseUrl) {
        JsonNode paths = openApi(baseUrl).path("paths");
        List<Probe> probes = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> path = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                String method = op.getKey().toUpperCase(java.util.Locale.ROOT);
                if (method.equals("PARAMETERS")) {
                    continue;
                }
                probes.addAll(probes(path.getKey(), method, op.getValue(), path.getValue().path("parameters")));
            }
        }
        return probes;
    }

    /**
     * Requests no metric may keep apart: OPTIONS, TRACE, GET and DELETE of paths that match nothing, and of every
     * documented path with {@code marker} in each of its parameters. After them, {@code marker} must not appear in
     * /q/metrics: labels name route templates, so unique paths cannot fill the label limit.
     */
    private static List<Probe> uniquePaths(String baseUrl, String marker) {
        List<Probe> probes = new ArrayList<>();
        for (String method : List.of("OPTIONS", "TRACE", "GET", "DELETE", "PUT")) {
            for (int i = 0; i < 10; i++) {
                probes.add(new Probe(method + " unknown " + i, method, "/" + marker + "-" + i + "/x", Map.of(), null,
                        null));
            }
            for (Iterator<String> paths = openApi(baseUrl).path("paths").fieldNames(); paths.hasNext();) {
                String template = paths.next();
                String path = template.replaceAll("\\{[^}]+}", marker);
                if (!path.equals(template)) {
                    probes.add(new Probe(method + " " + template, method, path, Map.of(), null, null));
                }
            }
        }
        return probes;
    }

    private static List<Probe> probes(String template, String method, JsonNode operation, JsonNode shared) {
        Map<String, JsonNode> pathParams = new LinkedHashMap<>();
        Map<String, JsonNode> queryParams = new LinkedHashMap<>();
        List<String> headerParams = new ArrayList<>();
        for (JsonNode list : List.of(shared, operation.path("parameters"))) {
            for (JsonNode parameter : list) {
                switch (parameter.path("in").asText()) {
                    case "path" -> pathParams.put(parameter.path("name").asText(), parameter.path("schema"));
                    case "query" -> queryParams.put(parameter.path("name").asText(), parameter.path("schema"));
                    case "header" -> headerParams.add(parameter.path("name").asText());
                    default -> { }
                }
            }
        }
        Optional<String> bodyType = Optional.ofNullable(operation.path("requestBody").path("content").fieldNames())
                .filter(Iterator::hasNext).map(Iterator::next);
        String contentType = bodyType.orElse(method.equals("GET") || method.equals("DELETE") ? null : "application/json");
        byte[] plainBody = "application/json".equals(contentType) ? "{}".getBytes() : null;
        String label = method + " " + template;

        List<Probe> probes = new ArrayList<>();
        for (String hostile : URL_VALUES) {
            for (String name : pathParams.keySet()) {
                probes.add(new Probe(label + " path " + name + "=" + shorten(hostile), method,
                        fill(template, pathParams, name, hostile), Map.of(), contentType, plainBody));
            }
            for (String name : queryParams.keySet()) {
                probes.add(new Probe(label + " query " + name + "=" + shorten(hostile), method,
                        fill(template, pathParams, null, null) + "?" + name + "=" + hostile, Map.of(), contentType,
                        plainBody));
            }
        }
        for (String hostile : HEADER_VALUES) {
            for (String name : headerParams) {
                probes.add(new Probe(label + " header " + name + "=" + shorten(hostile), method,
                        fill(template, pathParams, null, null), Map.of(name, hostile), contentType, plainBody));
            }
        }
        if ("application/json".equals(contentType)) {
            for (String body : JSON_BODIES) {
                probes.add(new Probe(label + " body " + shorten(body), method, fill(template, pathParams, null, null),
                        Map.of(), contentType, body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            }
        }
        if (contentType != null) {
            probes.add(new Probe(label + " as text/plain", method, fill(template, pathParams, null, null), Map.of(),
                    "text/plain", "{}".getBytes()));
        }
        return probes;
    }

    /** The path with every parameter set to a plausible value, except {@code hostileName}, set to {@code hostile}. */
    private static String fill(String template, Map<String, JsonNode> params, String hostileName, String hostile) {
        String path = template;
        for (Map.Entry<String, JsonNode> param : params.entrySet()) {
            String value = param.getKey().equals(hostileName) ? hostile : plausible(param.getValue());
            path = path.replace("{" + param.getKey() + "}", value);
        }
        return path;
    }

    private static String plausible(JsonNode schema) {
        if ("uuid".equals(schema.path("format").asText())) {
            return UUID.randomUUID().toString();
        }
        return schema.path("type").asText().equals("integer") ? "1" : "probe";
    }

    private static String shorten(String value) {
        return value.length() > 40 ? value.substring(0, 12) + "...(" + value.length() + " chars)" : value;
    }

    /** Sends one probe with the given Authorization header (none when null). */
    public static HttpResponse<String> send(String baseUrl, Probe probe, String authorization) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + probe.pathAndQuery()))
                    .timeout(Duration.ofSeconds(30));
            probe.headers().forEach(request::header);
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            if (probe.contentType() != null) {
                request.header("Content-Type", probe.contentType());
            }
            HttpRequest.BodyPublisher body = probe.body() == null
                    ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(probe.body());
            return CLIENT.send(request.method(probe.method(), body).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(probe.name(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static JsonNode openApi(String baseUrl) {
        try {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(baseUrl
                    + "/q/openapi?format=json")).build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
