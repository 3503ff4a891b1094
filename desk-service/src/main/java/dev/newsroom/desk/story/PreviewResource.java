package dev.newsroom.desk.story;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.desk.Page;
import dev.newsroom.desk.Templates;
import dev.newsroom.desk.session.SignedInUser;
import dev.newsroom.events.ArticleSnapshot;
import io.quarkus.qute.TemplateInstance;

import lombok.RequiredArgsConstructor;

/**
 * Preview of the saved story: the page readers will see, in a sandboxed frame (no scripts, its own origin). The
 * editor previews unsaved text through {@link UnsavedPreviewResource}.
 */
@RequiredArgsConstructor
@Path("/stories/{id}/preview")
public class PreviewResource {

    private final Stories stories;
    private final SignedInUser user;
    private final PreviewPages pages;
    private final ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance frame(@PathParam("id") String id) {
        Story story = stories.get(id);
        return Templates.preview(Page.of("Preview: " + story.headline(), user, "preview"), story);
    }

    @GET
    @Path("/page")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id) throws Exception {
        return pages.render(json.treeToValue(stories.json(id), ArticleSnapshot.class), null);
    }
}
