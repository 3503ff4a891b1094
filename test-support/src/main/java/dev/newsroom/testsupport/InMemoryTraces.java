package dev.newsroom.testsupport;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tests read the finished spans here: Quarkus hands every SpanExporter bean the spans it exports. It keeps every span,
 * so a service opts in by indexing this jar for its tests ({@code %test.quarkus.index-dependency.test-support...}).
 */
@Dependent
public class InMemoryTraces {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
