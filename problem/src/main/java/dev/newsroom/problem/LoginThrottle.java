package dev.newsroom.problem;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Slows password guessing on HTTP Basic: wrong passwords are counted per user name and address, per address, and
 * per user name; past a limit, requests with Basic credentials from there get 429 with Retry-After until the window
 * ends, whatever the password. Other users and other addresses are not affected (only the per-user-name limit,
 * set far higher, holds for every address). The counters are bounded in number, so guessing with ever new names
 * cannot fill the heap. Bearer tokens (OIDC in production) are not counted: the identity provider throttles those.
 */
@ApplicationScoped
public class LoginThrottle {

    /** One window of failures for one key. */
    private record Failures(long windowEndsMillis, AtomicInteger count) {
    }

    private final LoginThrottleConfig config;
    private final ObjectMapper json;
    private final Cache<String, Failures> failures;
    private final Clock clock;

    public LoginThrottle(LoginThrottleConfig config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        this.failures = Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(config.window()).build();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::handle);
    }

    private void handle(RoutingContext context) {
        Optional<String> user = basicUser(context.request().getHeader("Authorization"));
        if (user.isEmpty()) {
            context.next();
            return;
        }
        String address = context.request().remoteAddress() == null ? "unknown" : context.request().remoteAddress().host();
        List<String> keys = List.of("pair:" + user.get() + "@" + address, "addr:" + address, "user:" + user.get());
        List<Integer> limits = List.of(config.perUserAndAddress(), config.perAddress(), config.perUser());
        long now = clock.instant().toEpochMilli();
        for (int i = 0; i < keys.size(); i++) {
            Failures counted = failures.getIfPresent(keys.get(i));
            if (counted != null && counted.windowEndsMillis() > now && counted.count().get() >= limits.get(i)) {
                refuse(context, Duration.ofMillis(counted.windowEndsMillis() - now));
                return;
            }
        }
        context.addHeadersEndHandler(done -> {
            int status = context.response().getStatusCode();
            if (status == 401) {
                long windowEnds = clock.instant().toEpochMilli() + config.window().toMillis();
                keys.forEach(key -> failures.get(key, k -> new Failures(windowEnds, new AtomicInteger()))
                        .count().incrementAndGet());
            } else if (status < 400 || status == 403) {
                failures.invalidate(keys.get(0)); // the right password: this person's mistakes are forgotten
            }
        });
        context.next();
    }

    private void refuse(RoutingContext context, Duration wait) {
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        Problem problem = Problem.of(429, "Too Many Requests",
                "too many failed sign-ins: try again in " + seconds + " seconds");
        try {
            context.response().setStatusCode(429)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Retry-After", Long.toString(seconds))
                    .end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /** The user name of HTTP Basic credentials (scheme case-insensitive, RFC 9110), if that is what was sent. */
    static Optional<String> basicUser(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return Optional.of(colon < 0 ? decoded : decoded.substring(0, colon));
        } catch (IllegalArgumentException e) {
            return Optional.of(""); // malformed credentials count as a failure of no particular user
        }
    }
}
