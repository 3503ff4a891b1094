package dev.newsroom.problem;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Turns every failure into application/problem+json. Messages are written for people; stack traces
 * and Java class names never reach a client.
 */
public class ProblemMappers {

    /** A restarted or thawed database is back within seconds; clients should not hammer it before. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    @ServerExceptionMapper
    public Response refused(Refusal e) {
        return respond(problemOf(e));
    }

    /** The one place that says which status and title each reason a service refuses for gets. */
    static Problem problemOf(Refusal refusal) {
        int status = switch (refusal.reason()) {
            case NOT_FOUND -> 404;
            case INVALID -> 400;
            case NOT_PERMITTED -> 403;
            case WRONG_STATE, STALE_VERSION -> 409;
            case FAILED_CONDITION -> 412;
            case MISSING_CONDITION -> 428;
            case TOO_LARGE -> 413;
            case UNSUPPORTED_TYPE -> 415;
            case UNPROCESSABLE -> 422;
            case UNAVAILABLE -> 503;
        };
        String title = switch (refusal.reason()) {
            case NOT_FOUND -> "Not found";
            case INVALID -> "Invalid request";
            case NOT_PERMITTED -> "Forbidden";
            case WRONG_STATE, STALE_VERSION -> "Conflict";
            case FAILED_CONDITION -> "Precondition failed";
            case MISSING_CONDITION -> "Precondition required";
            case TOO_LARGE -> ProblemException.CONTENT_TOO_LARGE;
            case UNSUPPORTED_TYPE -> "Unsupported media type";
            case UNPROCESSABLE -> "Unprocessable content";
            case UNAVAILABLE -> "Service unavailable";
        };
        return new Problem("about:blank", title, status, refusal.getMessage(), refusal.errors());
    }

    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e) {
        String field = path(e);
        return respond(new Problem("about:blank", "Invalid request", 400, "unknown field '" + field + "'",
                List.of(new Problem.FieldError(field, "is not a field of this resource (it may be read-only)"))));
    }

    @ServerExceptionMapper
    public Response wrongType(MismatchedInputException e) {
        String field = path(e);
        String expected = e.getTargetType() == null ? "another type" : describe(e.getTargetType());
        String reason = e instanceof InvalidFormatException invalid
                ? "'" + invalid.getValue() + "' is not a valid " + expected
                : "expected " + expected;
        if (field.isEmpty()) {
            return respond(Problem.of(400, "Invalid request", "the request body is not the expected JSON object"));
        }
        return respond(new Problem("about:blank", "Invalid request", 400, field + ": " + reason,
                List.of(new Problem.FieldError(field, reason))));
    }

    @ServerExceptionMapper
    public Response malformed(JsonParseException e) {
        return respond(Problem.of(400, "Malformed JSON", "the request body is not valid JSON: "
                + e.getOriginalMessage()));
    }

    @ServerExceptionMapper
    public Response otherJson(JsonMappingException e) {
        String field = path(e);
        return respond(new Problem("about:blank", "Invalid request", 400,
                (field.isEmpty() ? "" : field + ": ") + "cannot be read",
                field.isEmpty() ? List.of() : List.of(new Problem.FieldError(field, "cannot be read"))));
    }

    @ServerExceptionMapper
    public Response otherJsonProcessing(JsonProcessingException e) {
        return respond(Problem.of(400, "Malformed JSON", "the request body is not valid JSON"));
    }

    @ServerExceptionMapper
    public Response malformedMultipart(MultipartParser.MalformedMessageException e) {
        return respond(new Problem("about:blank", "Invalid request", 400,
                "the multipart body cannot be read (a part's headers are malformed, e.g. a line break in a file name)",
                List.of(new Problem.FieldError("file", "the part cannot be read"))));
    }

    @ServerExceptionMapper
    public Response unreadableBody(IOException e, HttpHeaders headers) {
        MediaType type = headers.getMediaType();
        if (type != null && type.getType().equals("multipart")) {
            // the body ended before its closing boundary: the boundary named in Content-Type is not the one used
            return respond(Problem.of(400, "Invalid request", "the multipart body does not match its boundary"));
        }
        Log.error("unexpected failure answering a request", e);
        return respond(Problem.of(500, "Internal error", "the service failed to answer; the error is logged"));
    }

    @ServerExceptionMapper
    public Response staleVersion(OptimisticLockException e) {
        return respond(Problem.of(409, "Conflict",
                "someone else saved this resource meanwhile: reload it and apply your change again"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        // Quarkus REST wraps JSON it cannot parse (bad syntax, invalid UTF-8, a duplicate key) in a plain 400.
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return respond(Problem.of(400, "Malformed JSON", "the request body is not valid JSON: "
                    + json.getOriginalMessage()));
        }
        String title = Response.Status.fromStatusCode(status) == null
                ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        String detail = switch (status) {
            case 401 -> "authentication required";
            case 403 -> "your role does not allow this";
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "no acceptable representation";
            case 415 -> "unsupported content type";
            default -> title;
        };
        Response.ResponseBuilder builder = Response.fromResponse(e.getResponse())
                .type(Problem.MEDIA_TYPE).entity(Problem.of(status, title, detail));
        return builder.build();
    }

    @ServerExceptionMapper(priority = Integer.MAX_VALUE)
    public Response unexpected(Throwable e) {
        if (DatabaseUnavailable.causedBy(e)) {
            // The transaction rolled back whole; a stack trace per request would flood the log during an outage.
            Log.warnf("answering 503: the database is unavailable (%s)", rootMessage(e));
            return Response.status(503).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", RETRY_AFTER_SECONDS)
                    .entity(Problem.of(503, "Service unavailable",
                            "the database is not answering: try again in a few seconds (a change cut off while being "
                                    + "confirmed may have been saved: reload before sending it again)"))
                    .build();
        }
        Log.error("unexpected failure answering a request", e);
        return respond(Problem.of(500, "Internal error", "the service failed to answer; the error is logged"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "string";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean (true or false)";
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type.isEnum()) {
            return "one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        if (type.getName().startsWith("java.time")) {
            return "ISO-8601 timestamp";
        }
        return "object";
    }
}
