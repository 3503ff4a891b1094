package dev.newsroom.feed.messaging;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.observability.NamedThreads;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells the WebSub hub the feeds advertise which feeds changed, so subscribers hear within seconds instead of at
 * their next poll. WebSub leaves the publisher-to-hub request open; this sends the de facto one that hubs accept
 * (POST, form-encoded {@code hub.mode=publish&hub.url=<feed URL>}), once per changed feed and format, off the
 * consumer's thread. Changes that come while a round is sent are coalesced into the next round.
 */
@ApplicationScoped
public class WebSubNotifier {

    private static final int ATTEMPTS = 3;

    private final Optional<URI> hub;
    private final String publicBaseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ExecutorService sender = Executors.newSingleThreadExecutor(NamedThreads.daemon("websub-notifier"));
    private final Set<String> pending = new LinkedHashSet<>();
    private final Counter delivered;
    private final Counter failed;
    private boolean draining;

    public WebSubNotifier(FeedConfig config, MeterRegistry metrics) {
        this.hub = config.websubHub().filter(url -> !url.isBlank()).map(URI::create);
        this.publicBaseUrl = config.publicBaseUrl();
        this.delivered = Counter.builder("newsroom.feed.websub.notifications").tag("outcome", "delivered")
                .description("feed changes announced to the WebSub hub").register(metrics);
        this.failed = Counter.builder("newsroom.feed.websub.notifications").tag("outcome", "failed")
                .description("feed changes announced to the WebSub hub").register(metrics);
    }

    /** The self URL of page one of each changed feed, in every format, is announced to the hub. */
    public void changed(Set<FeedScope> scopes) {
        if (hub.isEmpty() || scopes.isEmpty()) {
            return;
        }
        synchronized (pending) {
            for (FeedScope scope : scopes) {
                for (FeedFormat format : FeedFormat.values()) {
                    pending.add(publicBaseUrl + scope.path() + format.fileName());
                }
            }
            if (!draining) {
                draining = true;
                sender.execute(this::drain);
            }
        }
    }

    private void drain() {
        while (true) {
            List<String> round;
            synchronized (pending) {
                if (pending.isEmpty()) {
                    draining = false;
                    return;
                }
                round = new ArrayList<>(pending);
                pending.clear();
            }
            round.forEach(this::announce);
        }
    }

    private void announce(String feedUrl) {
        HttpRequest request = HttpRequest.newBuilder(hub.orElseThrow())
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("hub.mode=publish&hub.url="
                        + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8)))
                .build();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status / 100 == 2) {
                    delivered.increment();
                    return;
                }
                Log.warnf("the WebSub hub answered %d to the change of %s (attempt %d)", status, feedUrl, attempt);
            } catch (java.io.IOException e) {
                Log.warnf("the WebSub hub could not be reached for %s (attempt %d): %s", feedUrl, attempt,
                        e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (attempt < ATTEMPTS && !sleep(attempt)) {
                return;
            }
        }
        failed.increment();
    }

    private static boolean sleep(int attempt) {
        try {
            TimeUnit.SECONDS.sleep(attempt);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
