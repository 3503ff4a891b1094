package dev.newsroom.desk.story;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.newsroom.desk.api.ApiAnswers;
import dev.newsroom.desk.api.ApiAnswers.ApiRefusal;
import dev.newsroom.desk.api.MediaApi;
import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.page.ArticlePageRenderer;
import dev.newsroom.page.PageShell;

/**
 * A story's page exactly as readers will see it, made by the public site's own renderer (which cleans the body to the
 * allow-list again), served under the public page's strict CSP and sandboxed, so nothing in a story can act in the desk.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class PreviewPages {

    /** The public page's policy, framed by the desk only, and sandboxed even when opened on its own. */
    static final String PREVIEW_POLICY = PageShell.CONTENT_SECURITY_POLICY
            .replace("frame-ancestors 'none'", "frame-ancestors 'self'") + "; sandbox";

    @RestClient
    private final MediaApi media;
    private final ApiAnswers answers;
    private final PublicSite site;
    private final ArticlePageRenderer renderer = new ArticlePageRenderer();

    /** The page of the story; {@code altText}, when given, stands for the lead photo's own (an edit not saved yet). */
    public Response render(ArticleSnapshot story, String altText) {
        MediaAssetSnapshot lead = null;
        if (story.leadImage() != null && story.leadImage().mediaId() != null) {
            try {
                lead = answers.read(media.get(story.leadImage().mediaId().toString()), MediaAssetSnapshot.class);
            } catch (ApiRefusal missing) {
                lead = null;
            }
        }
        if (lead != null && altText != null) {
            lead = new MediaAssetSnapshot(lead.id(), lead.caption(), lead.credit(), lead.byline(), altText,
                    lead.width(), lead.height(), lead.mimeType(), lead.bytes(), lead.renditions(), lead.revision(),
                    lead.deleted(), lead.createdAt(), lead.updatedAt());
        }
        String html = renderer.render(story, lead, site.site());
        return Response.ok(html).header("Content-Security-Policy", PREVIEW_POLICY)
                .header("Cache-Control", "no-store").build();
    }
}
