package dev.newsroom.feed.operations;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Tests read the finished spans here: Quarkus hands every SpanExporter bean the spans it exports. */
@Dependent
public class InMemoryTraces {

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
