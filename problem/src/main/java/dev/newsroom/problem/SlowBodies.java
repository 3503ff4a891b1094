package dev.newsroom.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Closes a request whose body arrives slower than a minimum rate after a grace period (408), so a client
 * trickling an upload a few bytes at a time cannot hold a connection and a worker for minutes. The idle timeout
 * (application.properties) only catches a client that sends nothing at all; slow headers are the ingress' job.
 */
@ApplicationScoped
public class SlowBodies {

    private static final long CHECK_MILLIS = 1000;

    private final HttpLimitsConfig config;
    private final ObjectMapper json;

    public SlowBodies(HttpLimitsConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 2).handler(this::watch);
    }

    private void watch(RoutingContext context) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            context.next();
            return;
        }
        long start = System.currentTimeMillis();
        long timer = context.vertx().setPeriodic(CHECK_MILLIS, id -> {
            if (request.isEnded() || context.response().ended() || context.response().closed()) {
                context.vertx().cancelTimer(id);
                return;
            }
            long elapsed = System.currentTimeMillis() - start;
            long expected = (elapsed - config.bodyGrace().toMillis()) * config.minBodyBytesPerSecond() / 1000;
            if (expected > 0 && request.bytesRead() < expected) {
                context.vertx().cancelTimer(id);
                Log.infof("closed %s %s: %d body bytes in %d ms, below the minimum rate", request.method(),
                        request.path(), request.bytesRead(), elapsed);
                tooSlow(context);
            }
        });
        context.addEndHandler(done -> context.vertx().cancelTimer(timer));
        context.next();
    }

    private void tooSlow(RoutingContext context) {
        if (context.response().headWritten()) {
            context.request().connection().close();
            return;
        }
        Problem problem = Problem.of(408, "Request Timeout", "the request body arrived too slowly");
        try {
            context.response().setStatusCode(408).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(json.writeValueAsString(problem))
                    .onComplete(sent -> context.request().connection().close());
        } catch (JsonProcessingException e) {
            context.request().connection().close();
        }
    }
}
