package dev.newsroom.desk.story;

import java.time.Clock;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import lombok.RequiredArgsConstructor;

import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.newsroom.desk.session.DeskProblem;
import dev.newsroom.desk.session.SessionFilter;
import dev.newsroom.desk.session.SignedInUser;
import dev.newsroom.events.ArticleSnapshot;

/**
 * Preview of what is in the editor now, saved or not: the browser posts the editor's content (a form aimed at the
 * preview frame, so the page arrives with its own sandboxing CSP), the desk lays it over the saved story (status,
 * dates, address) and renders it like {@link PreviewResource}. Nothing is saved.
 */
@RequiredArgsConstructor
@Path("/stories/preview")
public class UnsavedPreviewResource {

    /** What the editor changes; everything else comes from the saved story. */
    private static final List<String> EDITED = List.of("headline", "summary", "body", "section", "tags", "authors",
            "related", "leadImage", "correction");

    private final Stories stories;
    private final SignedInUser user;
    private final PreviewPages pages;
    private final ObjectMapper json;
    private final Clock clock;

    /**
     * A form cannot send the X-CSRF-Token header, so the token comes in the form and is checked here (the session
     * filter lets this one path through for that reason).
     */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response preview(@RestForm String csrf, @RestForm String story, @RestForm String content) {
        if (!SessionFilter.sameToken(user.csrfToken(), csrf)) {
            return DeskProblem.response(403, "Request refused",
                    "the preview did not carry this session's CSRF token; reload the page and try again");
        }
        JsonNode edits;
        try {
            edits = json.readTree(content == null ? "" : content);
        } catch (JsonProcessingException e) {
            edits = null;
        }
        if (edits == null || !edits.isObject()) {
            return DeskProblem.response(400, "Invalid preview", "content must be the editor's story as a JSON object");
        }
        ObjectNode article = story == null || story.isBlank() ? unsaved()
                : stories.json(story.strip());
        for (String field : EDITED) {
            if (edits.has(field)) {
                article.set(field, edits.get(field));
            }
        }
        ArticleSnapshot snapshot;
        try {
            snapshot = json.treeToValue(article, ArticleSnapshot.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            // Jackson's message names Java types: the editor gets plain words instead.
            return DeskProblem.response(400, "Invalid preview",
                    "a field of the editor's story has the wrong form (e.g. a photo id that is not an id)");
        }
        JsonNode altText = edits.path("altText");
        return pages.render(snapshot, altText.isTextual() && !altText.asText().isBlank() ? altText.asText() : null);
    }

    /** A story never saved: a draft in the default language, as article-service would create it. */
    private ObjectNode unsaved() {
        ObjectNode article = json.createObjectNode();
        article.put("status", "DRAFT");
        article.put("language", "en");
        String now = clock.instant().toString();
        article.put("createdAt", now);
        article.put("updatedAt", now);
        return article;
    }
}
