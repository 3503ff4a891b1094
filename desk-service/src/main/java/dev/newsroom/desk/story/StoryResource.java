package dev.newsroom.desk.story;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsroom.desk.Page;
import dev.newsroom.desk.Templates;
import dev.newsroom.desk.api.ApiAnswers;
import dev.newsroom.desk.api.ApiAnswers.ApiRefusal;
import dev.newsroom.desk.api.ArticleApi;
import dev.newsroom.desk.api.MediaApi;
import dev.newsroom.desk.config.DeskConfig;
import dev.newsroom.desk.history.RevisionLine;
import dev.newsroom.desk.session.DeskProblem;
import dev.newsroom.desk.session.SignedInUser;
import io.quarkus.qute.TemplateInstance;

/**
 * The story editor: the page, and saving from it. A save carries the version the browser last saw (If-Match), so
 * article-service refuses it with 412 when someone else saved first; the desk then answers with their version for
 * the conflict dialog.
 */
@RequiredArgsConstructor
@Path("/stories")
public class StoryResource {

    private static final Duration LEAD_IMAGE_RETRY = Duration.ofMillis(250);

    @RestClient
    private final ArticleApi articles;
    @RestClient
    private final MediaApi media;
    private final ApiAnswers answers;
    private final SignedInUser user;
    private final DeskConfig config;
    private final ObjectMapper json;
    private final Clock clock;

    @GET
    @Path("/new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance blank() {
        return Templates.editor(Page.of("New story", user, "new"), Story.blank(), null, "", "", null, null);
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance edit(@PathParam("id") String id) {
        Story story = answers.read(articles.get(id), Story.class);
        String thumb = null;
        String altText = "";
        String byline = "";
        if (story.leadImage() != null) {
            JsonNode asset = answers.body(media.get(story.leadImage().mediaId().toString()));
            thumb = "/photos/" + story.leadImage().mediaId() + "/thumb";
            altText = asset.path("altText").asText("");
            byline = asset.path("byline").asText("");
        }
        ChangedSince changed = ChangedSince.of(Arrays.asList(answers.read(articles.revisions(id), RevisionLine[].class)),
                user.name()).orElse(null);
        return Templates.editor(Page.of(story.headline(), user, "story"), story, thumb, altText, byline, changed, null);
    }

    /**
     * Whether someone saved the story since the browser's version: 204 when not, else who saved which version when.
     * The editor asks while it is open, so a writer learns of another's save before typing over it.
     */
    @GET
    @Path("/{id}/head")
    @Produces(MediaType.APPLICATION_JSON)
    public Response head(@PathParam("id") String id, @QueryParam("version") String version) {
        if (version == null || !version.matches("\\d{1,18}")) {
            return DeskProblem.response(400, "Version missing", "the version the editor holds is required (?version=)");
        }
        Response current = articles.getIfChanged(id, "\"" + version + "\"");
        if (current.getStatus() == 304) {
            current.close();
            return Response.noContent().header("Cache-Control", "no-store").build();
        }
        Story story = answers.read(current, Story.class);
        ObjectNode head = json.createObjectNode();
        head.put("version", story.version());
        head.put("revision", story.revision());
        head.put("status", story.status());
        head.put("updatedBy", story.savedBy());
        head.put("updatedAt", story.updatedAt() == null ? null : story.updatedAt().toString());
        return Response.ok(head).header("Cache-Control", "no-store").build();
    }

    /** The editor's heading and the story's tabs, which a new story gets once its first save gave it an address. */
    @GET
    @Path("/{id}/head")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance head(@PathParam("id") String id) {
        return Templates.editor$head(answers.read(articles.get(id), Story.class));
    }

    @GET
    @Path("/{id}/actions")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance actions(@PathParam("id") String id) {
        return Templates.editor$actions(Page.of("", user, "story"), answers.read(articles.get(id), Story.class), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response create(ObjectNode content) {
        Response problem = describePhoto(content);
        if (problem != null) {
            return problem;
        }
        return answer(retryingLeadImage(() -> articles.create(content)));
    }

    @POST
    @Path("/{id}/save")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response save(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, ObjectNode content) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return DeskProblem.response(428, "Version missing", "the save carried no If-Match version; reload the story");
        }
        Response problem = describePhoto(content);
        if (problem != null) {
            return problem;
        }
        Response saved = retryingLeadImage(() -> articles.replace(id, ifMatch, content));
        if (saved.getStatus() == 412) {
            saved.close();
            JsonNode theirs = answers.body(articles.get(id));
            ObjectNode conflict = json.createObjectNode();
            conflict.put("title", "Someone else saved this story first");
            conflict.put("status", 412);
            conflict.set("theirs", theirs);
            return Response.status(412).type(DeskProblem.MEDIA_TYPE).entity(conflict).build();
        }
        return answer(saved);
    }

    /** The browser's alt text belongs to the photo in media-service, not to the story: store it there first. */
    private Response describePhoto(ObjectNode content) {
        JsonNode altText = content.remove("altText");
        JsonNode lead = content.path("leadImage");
        if (!lead.isObject()) {
            content.remove("leadImage");
            return null;
        }
        String alt = altText == null || altText.isNull() ? "" : altText.asText().trim();
        if (alt.isEmpty()) {
            return DeskProblem.invalid("leadImage.altText", "describe the photo for readers who cannot see it");
        }
        String mediaId = lead.path("mediaId").asText();
        JsonNode asset;
        try {
            asset = answers.read(media.get(mediaId), JsonNode.class);
        } catch (ApiRefusal refusal) {
            return DeskProblem.invalid("leadImage.mediaId", "the photo cannot be found in media-service ("
                    + refusal.detail() + ")");
        }
        if (!alt.equals(asset.path("altText").asText())) {
            ObjectNode description = json.createObjectNode();
            description.set("caption", asset.path("caption"));
            description.set("credit", asset.path("credit"));
            description.put("altText", alt);
            try {
                answers.read(media.describe(mediaId, description), JsonNode.class);
            } catch (ApiRefusal refusal) {
                return refusal.getResponse();
            }
        }
        return null;
    }

    /**
     * article-service learns of a just-uploaded photo over Kafka: until it has, it answers 422 on leadImage.mediaId.
     * Nothing was saved then, so the same request is sent again for a few seconds instead of showing an error.
     */
    private Response retryingLeadImage(java.util.function.Supplier<Response> call) {
        Instant deadline = clock.instant().plus(config.leadImageWait());
        while (true) {
            Response response = call.get();
            if (response.getStatus() != 422) {
                return response;
            }
            JsonNode problem = answers.body(response);
            Response refusal = Response.status(422).type(DeskProblem.MEDIA_TYPE).entity(problem.toString()).build();
            if (!new ApiRefusal(422, problem).names("leadImage.mediaId") || clock.instant().isAfter(deadline)) {
                return refusal;
            }
            try {
                Thread.sleep(LEAD_IMAGE_RETRY.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return refusal;
            }
        }
    }

    /** The API's answer for the browser: the saved story's state, or the API's problem unchanged. */
    private Response answer(Response response) {
        int status = response.getStatus();
        JsonNode body = answers.body(response);
        if (status >= 400) {
            return Response.status(status).type(DeskProblem.MEDIA_TYPE).entity(body.toString()).build();
        }
        ObjectNode saved = json.createObjectNode();
        for (String field : new String[] {"id", "version", "status", "updatedAt", "updatedBy", "revision",
            "sanitizerRemoved"}) {
            if (body.has(field)) {
                saved.set(field, body.get(field));
            }
        }
        return Response.ok(saved).build();
    }
}
