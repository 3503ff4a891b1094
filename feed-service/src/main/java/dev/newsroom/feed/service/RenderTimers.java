package dev.newsroom.feed.service;

import java.util.EnumMap;
import java.util.Map;

import dev.newsroom.feed.render.FeedFormat;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;

/** The render-time metrics: a feed page per format, and a page or sitemap of the site; only cache misses render. */
@ApplicationScoped
public class RenderTimers {

    private final Map<FeedFormat, Timer> feeds = new EnumMap<>(FeedFormat.class);
    private final Timer site;

    public RenderTimers(MeterRegistry metrics) {
        for (FeedFormat format : FeedFormat.values()) {
            feeds.put(format, Timer.builder("newsroom.feed.render")
                    .description("time to build one feed page from the read model and render it (cache misses)")
                    .tag("format", format.fileName())
                    .register(metrics));
        }
        site = Timer.builder("newsroom.site.render")
                .description("time to build one page or sitemap from the read model and render it (cache misses)")
                .register(metrics);
    }

    Timer feed(FeedFormat format) {
        return feeds.get(format);
    }

    Timer site() {
        return site;
    }
}
