package dev.newsroom.desk.history;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import lombok.RequiredArgsConstructor;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

import dev.newsroom.desk.Page;
import dev.newsroom.desk.Templates;
import dev.newsroom.desk.api.ApiAnswers.ApiRefusal;
import dev.newsroom.desk.session.SignedInUser;
import dev.newsroom.desk.story.Stories;
import dev.newsroom.desk.story.Story;
import io.quarkus.qute.TemplateInstance;

/** A story's past: its revisions (list, compare two, restore one) and its event history in plain words. */
@RequiredArgsConstructor
@Path("/stories/{id}")
@Produces(MediaType.TEXT_HTML)
public class HistoryResource {

    private static final String BLOCKS = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";

    private final Stories stories;
    private final SignedInUser user;

    @GET
    @Path("/revisions")
    public TemplateInstance revisions(@PathParam("id") String id) {
        Story story = stories.get(id);
        List<RevisionLine> lines = stories.revisions(id);
        return Templates.revisions(Page.of("Revisions: " + story.headline(), user, "revisions"), story, lines);
    }

    @GET
    @Path("/revisions/compare")
    public TemplateInstance compare(@PathParam("id") String id, @QueryParam("a") int from, @QueryParam("b") int to) {
        Story story = stories.get(id);
        int older = Math.min(from, to);
        int newer = Math.max(from, to);
        JsonNode a = stories.revisionContent(id, older);
        JsonNode b = stories.revisionContent(id, newer);
        RevisionDiff diff = new RevisionDiff(older, newer,
                WordDiff.between(a.path("headline").asText(""), b.path("headline").asText("")),
                WordDiff.between(a.path("summary").asText(""), b.path("summary").asText("")),
                WordDiff.between(paragraphs(a.path("body").asText("")), paragraphs(b.path("body").asText(""))));
        return Templates.compare(Page.of("Compare revisions", user, "revisions"), story, diff);
    }

    @POST
    @Path("/revisions/{n}/restore")
    public Response restore(@PathParam("id") String id, @PathParam("n") int number) {
        Story story = stories.get(id);
        stories.restore(id, number, story.version());
        return Response.ok().header("HX-Redirect", URI.create("/stories/" + id).toString()).build();
    }

    @GET
    @Path("/activity")
    public TemplateInstance activity(@PathParam("id") String id) {
        Story story = stories.get(id);
        Page page = Page.of("Activity: " + story.headline(), user, "activity");
        try {
            JsonNode events = stories.events(id);
            List<ActivityLine> lines = new ArrayList<>();
            for (JsonNode event : events) {
                lines.add(new ActivityLine(Instant.parse(event.path("occurredAt").asText()), words(event),
                        event.hasNonNull("sentAt")));
            }
            return Templates.activity(page, story, lines, true);
        } catch (ApiRefusal refusal) {
            if (refusal.status() != 403) {
                throw refusal;
            }
            return Templates.activity(page, story, List.of(), false);
        }
    }

    /** An event as an editor would say it. */
    static String words(JsonNode event) {
        JsonNode data = event.path("data");
        String revision = data.has("revision") ? " (revision " + data.path("revision").asInt() + ")" : "";
        String headline = data.path("headline").asText("");
        return switch (event.path("type").asText()) {
            case "newsroom.article.published" -> "Published “" + headline + "”" + revision;
            case "newsroom.article.updated" -> "Updated the live story" + revision
                    + (data.hasNonNull("correction") ? ", correction: " + data.path("correction").asText() : "");
            case "newsroom.article.unpublished" -> "Taken down" + revision
                    + (data.hasNonNull("reason") ? ": " + data.path("reason").asText() : "")
                    + (data.hasNonNull("unpublishReason") ? ": " + data.path("unpublishReason").asText() : "");
            default -> event.path("type").asText() + revision;
        };
    }

    /**
     * A body's text, one paragraph per block, so that the compare shows the story's paragraphs as the editor sees
     * them. Only innermost blocks count: a paragraph inside a quote or a list item is one paragraph, not two.
     */
    static String paragraphs(String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        List<String> blocks = body.select(BLOCKS).stream()
                .filter(block -> block.select(BLOCKS).size() == 1)
                .map(Element::text)
                .filter(text -> !text.isBlank())
                .toList();
        return blocks.isEmpty() ? body.text() : String.join("\n\n", blocks);
    }
}
