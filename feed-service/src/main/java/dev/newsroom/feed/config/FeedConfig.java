package dev.newsroom.feed.config;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What feeds say about themselves and where they are reached. */
@ConfigMapping(prefix = "newsroom.feed")
public interface FeedConfig {

    /** Public base URL of this service, as subscribers reach it (feed self links, article pages). */
    String publicBaseUrl();

    /** Base URL of the publisher's own website when it renders articles; items then link there. */
    Optional<String> siteBaseUrl();

    /** Feed title shown by readers. */
    String title();

    /** Feed description shown by readers. */
    String description();

    /** Default language of the feeds (BCP 47). */
    @WithDefault("en")
    String language();

    /** Entries per feed page; older entries are reached through RFC 5005 paging links. */
    @WithDefault("50")
    int pageSize();

    /** How long an unpublished article stays as an RFC 6721 tombstone in Atom feeds. */
    @WithDefault("30")
    int tombstoneDays();

    /**
     * How long a rendered feed is served at most before it is rendered again. Changes reach every replica at once
     * (PostgreSQL NOTIFY); this bounds staleness only while a replica cannot listen.
     */
    @WithDefault("5s")
    Duration cacheMaxAge();

    /**
     * Memory the rendered feeds may hold at most (bodies plus a fixed overhead per feed); the least used feeds are
     * evicted beyond it, so readers asking for ever new pages cannot exhaust the heap.
     */
    @WithDefault("32M")
    MemorySize cacheMaxSize();

    /** WebSub hub that feeds advertise and that is notified when a feed changes; none when unset. */
    Optional<String> websubHub();

    /** Bearer token an operator sends to /admin endpoints (read-model rebuild); they answer 403 while unset. */
    Optional<String> adminToken();
}
