package dev.newsroom.e2e;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;

import dev.newsroom.testsupport.LoopbackHttpServer;

import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceRequest;
import io.opentelemetry.proto.collector.trace.v1.ExportTraceServiceResponse;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.trace.v1.ResourceSpans;
import io.opentelemetry.proto.trace.v1.ScopeSpans;

/**
 * Stands in for the OpenTelemetry collector: an OTLP/HTTP (protobuf) receiver on a loopback port that keeps every
 * span the services export, with the name of the service that sent it. The services export exactly as they would to
 * a real collector; only what sits behind that boundary is replaced.
 */
final class OtlpReceiver implements AutoCloseable {

    /** One received span, ids in lower-case hex as in a traceparent. */
    record ReceivedSpan(String service, String traceId, String spanId, String parentSpanId, String name, String kind,
            Map<String, String> attributes) {
    }

    private final LoopbackHttpServer server = LoopbackHttpServer.start("/", this::receive);
    private final List<ReceivedSpan> spans = new CopyOnWriteArrayList<>();

    /** The base address for QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT. */
    String endpoint() {
        return server.url();
    }

    /** Waits for the trace in which a service wrote an event about this aggregate to its outbox. */
    String traceOf(String service, String aggregateId, Duration wait) {
        return await().atMost(wait).until(() -> spans(span -> span.service().equals(service)
                        && span.name().startsWith("outbox append")
                        && aggregateId.equals(span.attributes().get("newsroom.aggregate.id")))
                .stream().map(ReceivedSpan::traceId).findFirst().orElse(null), found -> found != null);
    }

    List<ReceivedSpan> spans(Predicate<ReceivedSpan> wanted) {
        return spans.stream().filter(wanted).toList();
    }

    private void receive(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))
                    ? new GZIPInputStream(exchange.getRequestBody()) : exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            ExportTraceServiceRequest request = ExportTraceServiceRequest.parseFrom(body);
            for (ResourceSpans resource : request.getResourceSpansList()) {
                String service = attributes(resource.getResource().getAttributesList()).get("service.name");
                for (ScopeSpans scope : resource.getScopeSpansList()) {
                    scope.getSpansList().forEach(span -> spans.add(new ReceivedSpan(service,
                            hex(span.getTraceId().toByteArray()), hex(span.getSpanId().toByteArray()),
                            hex(span.getParentSpanId().toByteArray()), span.getName(), span.getKind().name(),
                            attributes(span.getAttributesList()))));
                }
            }
            byte[] response = ExportTraceServiceResponse.getDefaultInstance().toByteArray();
            exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, response.length == 0 ? -1 : response.length);
            if (response.length > 0) {
                exchange.getResponseBody().write(response);
            }
        }
    }

    private static Map<String, String> attributes(List<KeyValue> attributes) {
        return attributes.stream().collect(Collectors.toMap(KeyValue::getKey, attribute -> {
            var value = attribute.getValue();
            return value.hasStringValue() ? value.getStringValue()
                    : value.hasIntValue() ? Long.toString(value.getIntValue())
                    : value.hasBoolValue() ? Boolean.toString(value.getBoolValue()) : value.toString();
        }, (first, second) -> second));
    }

    private static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    @Override
    public void close() {
        server.close();
    }
}
