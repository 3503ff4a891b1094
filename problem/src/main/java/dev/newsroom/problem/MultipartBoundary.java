package dev.newsroom.problem;

import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import lombok.RequiredArgsConstructor;

/**
 * A multipart request must name a boundary RFC 2046 allows (1 to 70 of its characters); anything else is a 400
 * before any body parser sees it, instead of a parser failing half-way.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class MultipartBoundary {

    private static final Pattern BOUNDARY = Pattern.compile("[0-9A-Za-z'()+_,./:=? -]{0,69}[0-9A-Za-z'()+_,./:=?-]");

    private final ObjectMapper json;

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 3).handler(this::check);
    }

    private void check(RoutingContext context) {
        String type = context.request().getHeader("Content-Type");
        if (type == null || !type.regionMatches(true, 0, "multipart/", 0, 10) || valid(boundary(type))) {
            context.next();
            return;
        }
        Problem problem = new Problem("about:blank", "Invalid request", 400,
                "Content-Type: a multipart body needs a boundary of 1 to 70 letters, digits or '()+_,-./:=? (RFC 2046)",
                java.util.List.of(new Problem.FieldError("Content-Type", "has no valid multipart boundary")));
        try {
            context.response().setStatusCode(400).putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Connection", "close").end(json.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
        }
    }

    /** The boundary parameter's value, unquoted; null when absent or badly quoted. */
    static String boundary(String contentType) {
        for (String parameter : contentType.split(";")) {
            String trimmed = parameter.strip();
            if (trimmed.regionMatches(true, 0, "boundary=", 0, 9)) {
                String value = trimmed.substring(9);
                if (value.startsWith("\"")) {
                    return value.length() >= 2 && value.endsWith("\"") ? value.substring(1, value.length() - 1) : null;
                }
                return value;
            }
        }
        return null;
    }

    static boolean valid(String boundary) {
        return boundary != null && BOUNDARY.matcher(boundary).matches();
    }
}
