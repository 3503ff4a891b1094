package dev.newsroom.desk.session;

import java.util.List;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem the desk itself answers (the APIs' own problems are passed through unchanged). */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record DeskProblem(String type, String title, int status, String detail, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field and what is wrong with it. */
    public record FieldError(String field, String reason) {
    }

    public static Response response(int status, String title, String detail) {
        return Response.status(status).type(MEDIA_TYPE)
                .entity(new DeskProblem("about:blank", title, status, detail, List.of())).build();
    }

    public static Response invalid(String field, String reason) {
        return Response.status(422).type(MEDIA_TYPE).entity(new DeskProblem("about:blank", "Invalid story", 422,
                "the story was not saved", List.of(new FieldError(field, reason)))).build();
    }
}
