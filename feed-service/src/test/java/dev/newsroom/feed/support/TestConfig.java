package dev.newsroom.feed.support;

import java.time.Duration;
import java.util.Optional;

import dev.newsroom.feed.config.FeedConfig;
import io.quarkus.runtime.configuration.MemorySize;

/** Configuration for unit tests: no hub, no site, the defaults of application.properties. */
public final class TestConfig implements FeedConfig {

    @Override
    public String publicBaseUrl() {
        return "https://feeds.example.org";
    }

    @Override
    public Optional<String> siteBaseUrl() {
        return Optional.empty();
    }

    @Override
    public String title() {
        return "Newsroom";
    }

    @Override
    public String description() {
        return "Test feeds";
    }

    @Override
    public String language() {
        return "en";
    }

    @Override
    public int pageSize() {
        return 50;
    }

    @Override
    public int tombstoneDays() {
        return 30;
    }

    @Override
    public Duration cacheMaxAge() {
        return Duration.ofSeconds(5);
    }

    @Override
    public MemorySize cacheMaxSize() {
        return new MemorySize(java.math.BigInteger.valueOf(32L << 20));
    }

    @Override
    public Optional<String> websubHub() {
        return Optional.empty();
    }

    @Override
    public Optional<String> adminToken() {
        return Optional.empty();
    }
}
