package dev.newsroom.feed.config;

import dev.newsroom.feed.render.FeedRenderer;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The renderers are plain, thread-safe classes; one instance of each serves every request. */
public class RendererProducer {

    @Produces
    @Singleton
    FeedRenderer feedRenderer() {
        return new FeedRenderer();
    }
}
