package dev.newsroom.desk.story;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.desk.Page;
import dev.newsroom.desk.Templates;
import dev.newsroom.desk.api.ApiAnswers;
import dev.newsroom.desk.api.ApiAnswers.ApiRefusal;
import dev.newsroom.desk.api.ArticleApi;
import dev.newsroom.desk.api.MediaApi;
import dev.newsroom.desk.config.DeskConfig;
import dev.newsroom.desk.session.SignedInUser;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.page.ArticlePageRenderer;
import dev.newsroom.page.PageShell;
import dev.newsroom.page.Site;
import io.quarkus.qute.TemplateInstance;

/**
 * Preview: the saved story exactly as readers will see it, made by the public site's own page renderer. The page is
 * shown in a sandboxed frame (no scripts, its own origin) under the public page's strict CSP, so nothing in a story
 * can act in the desk.
 */
@Path("/stories/{id}/preview")
public class PreviewResource {

    /** The public page's policy, framed by the desk only, and sandboxed even when opened on its own. */
    static final String PREVIEW_POLICY = PageShell.CONTENT_SECURITY_POLICY
            .replace("frame-ancestors 'none'", "frame-ancestors 'self'") + "; sandbox";

    private final ArticleApi articles;
    private final MediaApi media;
    private final ApiAnswers answers;
    private final SignedInUser user;
    private final DeskConfig config;
    private final ObjectMapper json;
    private final ArticlePageRenderer renderer = new ArticlePageRenderer();

    public PreviewResource(@RestClient ArticleApi articles, @RestClient MediaApi media, ApiAnswers answers,
            SignedInUser user, DeskConfig config, ObjectMapper json) {
        this.articles = articles;
        this.media = media;
        this.answers = answers;
        this.user = user;
        this.config = config;
        this.json = json;
    }

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance frame(@PathParam("id") String id) {
        Story story = answers.read(articles.get(id), Story.class);
        return Templates.preview(Page.of("Preview: " + story.headline(), user, "preview"), story);
    }

    @GET
    @Path("/page")
    @Produces(MediaType.TEXT_HTML)
    public Response page(@PathParam("id") String id) throws Exception {
        JsonNode article = answers.read(articles.get(id), JsonNode.class);
        ArticleSnapshot snapshot = json.treeToValue(article, ArticleSnapshot.class);
        MediaAssetSnapshot lead = null;
        if (snapshot.leadImage() != null && snapshot.leadImage().mediaId() != null) {
            try {
                lead = answers.read(media.get(snapshot.leadImage().mediaId().toString()), MediaAssetSnapshot.class);
            } catch (ApiRefusal missing) {
                lead = null;
            }
        }
        String html = renderer.render(snapshot, lead, new Site(config.siteName(), config.siteUrl(), List.of()));
        return Response.ok(html).header("Content-Security-Policy", PREVIEW_POLICY)
                .header("Cache-Control", "no-store").build();
    }
}
