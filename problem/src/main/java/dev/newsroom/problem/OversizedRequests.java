package dev.newsroom.problem;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

/**
 * Answers a request over the HTTP body limit ({@code quarkus.http.limits.max-body-size}) with a 413 problem+json
 * where Vert.x or Quarkus REST would send an empty 413: from its Content-Length before a byte of the body is read,
 * or, for a chunked body, once it passes the limit. A service may say what to change through an
 * {@link OversizedRequestAdvice}.
 *
 * <p>Quarkus REST reads a chunked body itself and ends the response with an empty 413 when it is too large, where no
 * handler can reach it. So a chunked body (other than a multipart upload, which Quarkus' own body handler reads and
 * whose 413 failure reaches this class) is read here first, with Vert.x's {@link BodyHandler} and the same limit;
 * Quarkus REST then reads the buffered body. It holds at most the limit in memory, as Quarkus REST would.
 */
@ApplicationScoped
public class OversizedRequests {

    /** Before Quarkus' own Content-Length check, which has route order -2. */
    private static final int BEFORE_QUARKUS_LIMIT = -3;

    private final long limit;
    private final BodyHandler chunkedBodies;
    private final Instance<OversizedRequestAdvice> advice;
    private final ObjectMapper json;

    // Quarkus' own property, read where Quarkus enforces it, so the two cannot disagree.
    public OversizedRequests(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit,
            Instance<OversizedRequestAdvice> advice, ObjectMapper json) {
        this.limit = limit.asLongValue();
        this.chunkedBodies = BodyHandler.create(false).setBodyLimit(this.limit);
        this.advice = advice;
        this.json = json;
    }

    void install(@Observes Router router) {
        router.route().order(BEFORE_QUARKUS_LIMIT).handler(this::checkDeclaredLength).failureHandler(this::answerOverflow);
    }

    /** The problem for a request of {@code length} bytes (-1 when only known to be over the limit) to a path. */
    Problem problem(String method, String path, long length) {
        String size = length < 0 ? "more than " + megabytes(limit) : megabytes(length);
        Optional<Problem.FieldError> field = advice.isResolvable()
                ? advice.get().fieldError(method, path, size) : Optional.empty();
        if (field.isPresent()) {
            return new Problem("about:blank", ProblemException.CONTENT_TOO_LARGE, 413, field.get().reason(),
                    List.of(field.get()));
        }
        return Problem.of(413, ProblemException.CONTENT_TOO_LARGE,
                "The request body has " + size + "; at most " + megabytes(limit) + " are accepted.");
    }

    private void checkDeclaredLength(RoutingContext context) {
        long length = declaredLength(context.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (length > limit) {
            // The body is not read: closing the connection after the answer keeps it from being taken for the next
            // request on this connection.
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            context.response().endHandler(ended -> context.request().connection().close());
            answer(context, length);
        } else if (length < 0 && isChunkedNonMultipart(context)) {
            chunkedBodies.handle(context);
        } else {
            context.next();
        }
    }

    private static boolean isChunkedNonMultipart(RoutingContext context) {
        String type = context.request().getHeader(HttpHeaders.CONTENT_TYPE);
        return context.request().headers().contains(HttpHeaders.TRANSFER_ENCODING, "chunked", true)
                && (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/"));
    }

    private void answerOverflow(RoutingContext context) {
        if (context.statusCode() == 413 && !context.response().headWritten()) {
            context.response().putHeader(HttpHeaders.CONNECTION, "close");
            answer(context, -1);
        } else {
            context.next();
        }
    }

    private void answer(RoutingContext context, long length) {
        Problem problem = problem(context.request().method().name(), context.normalizedPath(), length);
        context.response().setStatusCode(413)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .end(write(problem));
    }

    private static long declaredLength(String header) {
        try {
            return header == null ? -1 : Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // Vert.x refuses a malformed Content-Length itself
        }
    }

    private String write(Problem problem) {
        try {
            return json.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem document is plain data", e);
        }
    }

    /** A size as people read it in messages, "40.0 MB". */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }
}
