package dev.newsroom.article.rest;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.newsroom.article.Article;
import dev.newsroom.article.ArticleStatus;
import dev.newsroom.article.content.PlainText;
import dev.newsroom.article.ArticleFilter;
import dev.newsroom.article.service.ArticleInput;
import dev.newsroom.article.service.ArticleListing;
import dev.newsroom.article.service.ArticleService;
import dev.newsroom.article.service.Caller;
import dev.newsroom.article.service.SavedArticle;
import dev.newsroom.article.content.Timestamps;
import dev.newsroom.problem.PageQuery;
import dev.newsroom.problem.Paging;
import dev.newsroom.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** The editors' HTTP API: translates HTTP to the workflow and back, nothing more. */
@RequiredArgsConstructor
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"writer", "editor"})
public class ArticleResource {

    static final String EDITOR = "editor";
    private static final int QUERY_MAX = 300;

    private final ArticleService articles;
    private final SecurityIdentity identity;
    private final ObjectMapper json;

    @POST
    public Response create(ArticleInput input) {
        SavedArticle saved = articles.create(input, caller());
        // a path, resolved by the client against the address it used: never built from the request's Host header
        return Response.status(Response.Status.CREATED)
                .header(HttpHeaders.LOCATION, "/api/articles/" + saved.article().id)
                .tag(etag(saved.article()))
                .entity(ArticleView.of(saved.article(), saved.sanitizerRemoved()))
                .build();
    }

    @GET
    @Operation(summary = "The story list: filter, search, page",
            description = "Without q, the newest saves first. With q, a full-text search over headline, summary and "
                    + "body text, each article matched in its own language (stemming and stop words of its "
                    + "`language`; languages PostgreSQL has no stemmer for are matched word for word), best matches "
                    + "first (a match in the headline ranks above one in the summary, above one in the body), then "
                    + "the newest saves. Filters combine. Items carry every field but the body; updatedBy and "
                    + "updatedAt say who saved last and when.")
    @APIResponse(responseCode = "200", description = "One page of stories and how many match in all",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ArticleList.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid: errors[].field names it",
            content = @Content(mediaType = "application/problem+json"))
    public ArticleList list(
            @Parameter(description = "DRAFT, SCHEDULED, PUBLISHED or UNPUBLISHED (any case)",
                    schema = @Schema(enumeration = {"DRAFT", "SCHEDULED", "PUBLISHED", "UNPUBLISHED"}))
            @QueryParam("status") String status,
            @Parameter(description = "A section, e.g. politics (any case)") @QueryParam("section") String section,
            @Parameter(description = "An author's name, whole (any case): stories that name this author")
            @QueryParam("author") String author,
            @Parameter(description = "Search words, as in a web search engine: words all present (in any form "
                    + "of the article's language: \"published\" finds \"publishing\"), \"a quoted phrase\", "
                    + "-excluded, either OR other; at most " + QUERY_MAX + " characters")
            @QueryParam("q") String text,
            @BeanParam PageQuery pages) {
        Paging paging = pages.paging();
        ArticleFilter filter = new ArticleFilter(parseStatus(status), filter("section", section),
                filter("author", author), filter("q", text));
        ArticleListing found = articles.list(filter, paging.page(), paging.size());
        return new ArticleList(found.items().stream().map(ArticleView::withoutBody).toList(), found.total(),
                paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id, @Context Request request) {
        Article article = articles.get(id);
        EntityTag etag = etag(article);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).build();
        }
        return Response.ok(ArticleView.of(article)).tag(etag).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, ArticleInput input) {
        SavedArticle saved = articles.replace(id, input, IfMatch.version(ifMatch), caller());
        return ok(saved);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(EDITOR)
    // any type matches here, so an anonymous caller gets 401; JsonStateChanges then requires JSON of every caller
    // with credentials, also when there is no body
    @Consumes(MediaType.WILDCARD)
    public Response publish(@PathParam("id") UUID id, byte[] body) throws IOException {
        PublishRequest request = optionalBody(body, PublishRequest.class);
        if (request != null) {
            Timestamps.check("at", request.at()).ifPresent(error -> {
                throw ProblemException.invalid(List.of(error));
            });
        }
        Article article = articles.publish(id, request == null ? null : request.at(), caller());
        return ok(article);
    }

    @POST
    @Path("/{id}/unpublish")
    @RolesAllowed(EDITOR)
    @Consumes(MediaType.WILDCARD) // see publish
    public Response unpublish(@PathParam("id") UUID id, byte[] body) throws IOException {
        UnpublishRequest request = optionalBody(body, UnpublishRequest.class);
        Article article = articles.unpublish(id, request == null ? null : request.reason(), caller());
        return ok(article);
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        articles.delete(id, caller());
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/revisions")
    public List<RevisionSummary> revisions(@PathParam("id") UUID id) {
        return articles.revisions(id).stream().map(RevisionSummary::of).toList();
    }

    @GET
    @Path("/{id}/revisions/{n}")
    public RevisionView revision(@PathParam("id") UUID id, @PathParam("n") int number) {
        return RevisionView.of(articles.revision(id, number));
    }

    @POST
    @Path("/{id}/revisions/{n}/restore")
    @Consumes(MediaType.WILDCARD) // see publish
    public Response restore(@PathParam("id") UUID id, @PathParam("n") int number,
            @HeaderParam("If-Match") String ifMatch) {
        SavedArticle saved = articles.restore(id, number, IfMatch.version(ifMatch), caller());
        return ok(saved);
    }

    @GET
    @Path("/{id}/events")
    @RolesAllowed(EDITOR)
    public List<ArticleEventView> events(@PathParam("id") UUID id) {
        return articles.events(id).stream().map(ArticleEventView::of).toList();
    }

    private Caller caller() {
        return new Caller(identity.getPrincipal().getName(), identity.hasRole(EDITOR));
    }

    /** A JSON body that may be left out entirely; errors in one that is sent are reported like any other. */
    private <T> T optionalBody(byte[] body, Class<T> type) throws IOException {
        if (body == null || body.length == 0 || new String(body, StandardCharsets.UTF_8).isBlank()) {
            return null;
        }
        return json.readValue(body, type);
    }

    /** The article as it now is, with its version as the ETag for the editor's next conditional request. */
    private static Response ok(SavedArticle saved) {
        return Response.ok(ArticleView.of(saved.article(), saved.sanitizerRemoved())).tag(etag(saved.article())).build();
    }

    private static Response ok(Article article) {
        return Response.ok(ArticleView.of(article)).tag(etag(article)).build();
    }

    static EntityTag etag(Article article) {
        return new EntityTag(Long.toString(article.version));
    }

    /** A filter value as it is stored: normalized like the field, refused when it could never match anything. */
    private static String filter(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String normalized = PlainText.normalizeHeadline(value);
        PlainText.check(name, normalized, QUERY_MAX, false).ifPresent(problem -> {
            throw ProblemException.invalid(problem.field(), problem.reason());
        });
        return name.equals("section") ? normalized.toLowerCase(Locale.ROOT) : normalized;
    }

    private static ArticleStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED");
        }
    }
}
