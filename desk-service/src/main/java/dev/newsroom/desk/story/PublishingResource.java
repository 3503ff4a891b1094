package dev.newsroom.desk.story;

import java.time.Instant;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsroom.desk.NewsroomTime;
import dev.newsroom.desk.Page;
import dev.newsroom.desk.Templates;
import dev.newsroom.desk.api.ApiAnswers.ApiRefusal;
import dev.newsroom.desk.session.SignedInUser;

import lombok.RequiredArgsConstructor;

/**
 * The confirmed publishing actions of the editor's panel: publish now, schedule, embargo, cancel a schedule,
 * unpublish with a reason. article-service decides who may (a writer never sees these, and the API refuses them
 * anyway); each answers the panel again, with the story's new version for the editor's next save.
 */
@RequiredArgsConstructor
@Path("/stories/{id}")
@Consumes(MediaType.APPLICATION_FORM_URLENCODED)
@Produces(MediaType.TEXT_HTML)
public class PublishingResource {

    private static final String[] EDITABLE = {"slug", "headline", "summary", "body", "section", "tags", "authors",
        "language", "leadImage", "related", "correction", "embargoUntil"};

    private final Stories stories;
    private final SignedInUser user;
    private final ObjectMapper json;
    private final NewsroomTime time;

    @POST
    @Path("/publish")
    public Response publish(@PathParam("id") String id, @FormParam("at") String at) {
        ObjectNode request = json.createObjectNode();
        if (at != null && !at.isBlank()) {
            Instant when = time.picked(at);
            if (when == null) {
                return panel(id, "Choose a valid date and time to schedule.");
            }
            request.put("at", when.toString());
        }
        return act(id, () -> stories.publish(id, request),
                at == null || at.isBlank() ? "Published." : "Scheduled.");
    }

    @POST
    @Path("/unpublish")
    public Response unpublish(@PathParam("id") String id, @FormParam("reason") String reason) {
        if (reason == null || reason.isBlank()) {
            return panel(id, "Say why the story is taken down (readers and the archive keep the reason).");
        }
        ObjectNode request = json.createObjectNode().put("reason", reason.trim());
        return act(id, () -> stories.unpublish(id, request), "Unpublished.");
    }

    @POST
    @Path("/cancel-schedule")
    public Response cancelSchedule(@PathParam("id") String id) {
        return act(id, () -> stories.unpublish(id, json.createObjectNode()),
                "Schedule cancelled: the story is a draft again.");
    }

    /** An embargo is a field of the story: the saved version with embargoUntil set (or cleared), saved again. */
    @POST
    @Path("/embargo")
    public Response embargo(@PathParam("id") String id, @FormParam("until") String until) {
        Instant when = until == null || until.isBlank() ? null : time.picked(until);
        if (until != null && !until.isBlank() && when == null) {
            return panel(id, "Choose a valid date and time for the embargo.");
        }
        return act(id, () -> {
            Story current = stories.get(id);
            JsonNode stored = json.valueToTree(current);
            ObjectNode input = json.createObjectNode();
            for (String field : EDITABLE) {
                if (stored.hasNonNull(field)) {
                    input.set(field, stored.get(field));
                }
            }
            if (input.has("leadImage")) {
                ((ObjectNode) input.get("leadImage")).retain("mediaId", "caption", "credit");
            }
            input.remove("correction");
            if (when == null) {
                input.putNull("embargoUntil");
            } else {
                input.put("embargoUntil", when.toString());
            }
            return stories.replace(id, current.version(), input);
        }, when == null ? "Embargo lifted." : "Embargoed: nobody can publish it before that time.");
    }

    private Response act(String id, java.util.function.Supplier<Story> action, String done) {
        try {
            Story story = action.get();
            return Response.ok(Templates.editor$actions(Page.of("", user, "story"), story, done)).build();
        } catch (ApiRefusal refusal) {
            if (refusal.status() == 401 || refusal.status() == 403) {
                throw refusal;
            }
            return panel(id, "Not done: " + refusal.detail());
        }
    }

    private Response panel(String id, String message) {
        Story story = stories.get(id);
        return Response.ok(Templates.editor$actions(Page.of("", user, "story"), story, message)).build();
    }
}
