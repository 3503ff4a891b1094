package dev.newsroom.media.rest;

import java.util.List;
import java.util.Locale;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.media.config.MediaConfig;
import dev.newsroom.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a request over the HTTP body limit ({@code quarkus.http.limits.max-body-size}) with problem+json, where
 * Vert.x would send an empty 413: from its Content-Length before the body is read, or once a chunked body passes the
 * limit. For an upload the problem names the field "file", like the image checks do.
 */
@ApplicationScoped
public class OversizedRequests {

    private static final int TOO_LARGE = 413;
    /** Before Quarkus' own Content-Length check, which has order -2. */
    private static final int BEFORE_QUARKUS_LIMIT = -3;

    private final long limit;
    private final long maxImageBytes;
    private final ObjectMapper json;

    public OversizedRequests(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            MediaConfig config, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.maxImageBytes = config.maxBytes();
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT).handler(this::checkDeclaredLength).failureHandler(this::answerOverflow);
    }

    private void checkDeclaredLength(RoutingContext context) {
        String declared = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            length = -1; // Vert.x refuses a malformed Content-Length itself
        }
        if (length > limit) {
            // The body is not read: closing the connection after the answer stops the client from sending it.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.response().endHandler(ended -> context.request().connection().close());
            answer(context, length);
        } else {
            context.next();
        }
    }

    private void answerOverflow(RoutingContext context) {
        if (context.statusCode() == TOO_LARGE && !context.response().headWritten()) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, -1);
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, long length) {
        String size = length < 0 ? "more than " + megabytes(limit) : megabytes(length);
        boolean upload = context.request().method() == HttpMethod.POST && context.normalizedPath().equals("/api/media");
        String accepted = "images of up to " + megabytes(maxImageBytes) + " are accepted";
        Problem problem = upload
                ? new Problem("about:blank", "Image too large", TOO_LARGE, "The upload has " + size + "; " + accepted + ".",
                        List.of(new Problem.FieldError("file", "The upload has " + size + "; " + accepted
                                + ". Save it with more compression or fewer pixels.")))
                : Problem.of(TOO_LARGE, "Request too large", "The request body has " + size + "; at most "
                        + megabytes(limit) + " are accepted.");
        context.response().setStatusCode(TOO_LARGE)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(write(problem));
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is plain data", e);
        }
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
