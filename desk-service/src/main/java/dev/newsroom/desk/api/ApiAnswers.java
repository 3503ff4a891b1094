package dev.newsroom.desk.api;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.desk.session.DeskProblem;

import lombok.RequiredArgsConstructor;

/** Reads the APIs' answers: the body as a record, or the API's own problem passed on to the browser unchanged. */
@RequiredArgsConstructor
@ApplicationScoped
public class ApiAnswers {

    private final ObjectMapper json;

    /** The answer's body as the given type; an error answer becomes an {@link ApiRefusal} with its problem. */
    public <T> T read(Response response, Class<T> type) {
        JsonNode body = body(response);
        if (response.getStatus() >= 400) {
            throw new ApiRefusal(response.getStatus(), body);
        }
        try {
            return json.treeToValue(body, type);
        } catch (IOException e) {
            throw new IllegalStateException("unexpected answer from the API: " + e.getMessage(), e);
        }
    }

    public JsonNode body(Response response) {
        try (response) {
            if (!response.hasEntity()) {
                return json.createObjectNode();
            }
            String text = response.readEntity(String.class);
            return text == null || text.isBlank() ? json.createObjectNode() : json.readTree(text);
        } catch (IOException e) {
            return json.createObjectNode();
        }
    }

    /** An API's error answer, passed on with its status and problem document. */
    public static final class ApiRefusal extends WebApplicationException {

        private final transient JsonNode problem;

        public ApiRefusal(int status, JsonNode problem) {
            super(Response.status(status).type(DeskProblem.MEDIA_TYPE).entity(problem.toString()).build());
            this.problem = problem;
        }

        public JsonNode problem() {
            return problem;
        }

        public int status() {
            return getResponse().getStatus();
        }

        /** The problem's field errors contain this field. */
        public boolean names(String field) {
            for (JsonNode error : problem.path("errors")) {
                if (field.equals(error.path("field").asText())) {
                    return true;
                }
            }
            return false;
        }

        public String detail() {
            String detail = problem.path("detail").asText(problem.path("title").asText("error " + status()));
            StringBuilder text = new StringBuilder(detail);
            for (JsonNode error : problem.path("errors")) {
                text.append("; ").append(error.path("field").asText()).append(": ").append(error.path("reason").asText());
            }
            return text.toString();
        }
    }
}
