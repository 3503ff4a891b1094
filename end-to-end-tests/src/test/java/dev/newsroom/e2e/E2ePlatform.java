package dev.newsroom.e2e;

import java.io.IOException;
import java.util.List;
import java.util.Map;

import dev.newsroom.testsupport.RunningPlatform;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The packaged article-, media- and feed-service, started once for all end-to-end tests (a start costs a minute or
 * more on a busy machine), with tracing on as an environment would switch it on, exporting over OTLP/HTTP to a
 * receiver in the tests. Stopped when the test JVM exits.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class E2ePlatform {

    private static E2ePlatform shared;

    final RunningPlatform services;
    final OtlpReceiver traces;

    static synchronized E2ePlatform shared() throws IOException, InterruptedException {
        if (shared == null) {
            OtlpReceiver traces = new OtlpReceiver();
            RunningPlatform services;
            try {
                services = RunningPlatform.start(List.of("article", "media", "feed"), Map.of(
                        "QUARKUS_OTEL_SDK_DISABLED", "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint(),
                        // spans reach the receiver within a fraction of a second instead of the default 5 s
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
            } catch (IOException | InterruptedException | RuntimeException e) {
                traces.close();
                throw e;
            }
            shared = new E2ePlatform(services, traces);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                services.close();
                traces.close();
            }, "e2e-platform-stop"));
        }
        return shared;
    }

    String url(String service) {
        return services.url(service);
    }
}
