package dev.newsroom.problem;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * HTTP metrics are labelled with route templates ({@code /api/media/{id}}). A request no route answers (404, or
 * 405 for a method a path does not have, and OPTIONS or TRACE anywhere) would otherwise carry its raw path, so anyone sending unique paths
 * could fill the label limit and push real routes out: those all share the label {@code UNMATCHED}.
 */
public class MetricLabels {

    @Produces
    @Singleton
    MeterFilter collapseUnmatchedPaths() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (!id.getName().startsWith("http.server")) {
                    return id;
                }
                String uri = id.getTag("uri");
                String status = id.getTag("status");
                String method = id.getTag("method");
                // OPTIONS and TRACE are answered for any path without a route template, whatever their status.
                boolean untemplated = "OPTIONS".equals(method) || "TRACE".equals(method)
                        || "404".equals(status) || "405".equals(status) || "501".equals(status) || "400".equals(status);
                if (uri == null || uri.contains("{") || !untemplated) {
                    return id;
                }
                return id.withTag(Tag.of("uri", "UNMATCHED"));
            }
        };
    }
}
