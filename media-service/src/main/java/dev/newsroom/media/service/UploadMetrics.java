package dev.newsroom.media.service;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.newsroom.media.image.ImageRejectedException.Reason;
import dev.newsroom.media.image.RenditionGenerator;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the picture desk's uploads cost this replica: images decoding and queued for decoding, the decode memory left,
 * and refused uploads by reason (BUSY means the queue was full: add replicas or memory).
 */
@ApplicationScoped
public class UploadMetrics {

    private final Map<Reason, Counter> refused = new EnumMap<>(Reason.class);

    public UploadMetrics(RenditionGenerator renditions, MeterRegistry metrics) {
        gauge(metrics, "newsroom.media.decode.queue", renditions, RenditionGenerator::waiting, "images",
                "uploads admitted and waiting for a decode slot or for decode memory");
        gauge(metrics, "newsroom.media.decode.active", renditions, RenditionGenerator::decoding, "images",
                "images being decoded and re-encoded right now");
        gauge(metrics, "newsroom.media.decode.memory.available", renditions, RenditionGenerator::memoryAvailable,
                "bytes", "decode memory budget not held by any decode");
        gauge(metrics, "newsroom.media.decode.memory.budget", renditions, RenditionGenerator::memoryBudget, "bytes",
                "the whole decode memory budget");
        for (Reason reason : Reason.values()) {
            // every reason present from the start, so a dashboard shows zero rather than nothing
            refused.put(reason, Counter.builder("newsroom.media.uploads.refused")
                    .description("uploads refused, by reason (busy: the decode queue was full)")
                    .tag("reason", reason.name().toLowerCase(Locale.ROOT))
                    .register(metrics));
        }
    }

    /** An upload was refused for this reason. */
    public void refused(Reason reason) {
        refused.get(reason).increment();
    }

    private static void gauge(MeterRegistry metrics, String name, RenditionGenerator renditions,
            ToDoubleFunction<RenditionGenerator> value, String unit, String description) {
        Gauge.builder(name, renditions, value).description(description).baseUnit(unit).register(metrics);
    }
}
