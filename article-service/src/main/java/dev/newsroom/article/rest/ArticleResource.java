package dev.newsroom.article.rest;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import dev.newsroom.article.Article;
import dev.newsroom.article.ArticleStatus;
import dev.newsroom.article.service.ArticlePage;
import dev.newsroom.article.service.ArticleService;
import dev.newsroom.article.service.SavedArticle;
import dev.newsroom.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The editors' HTTP API: translates HTTP to the workflow and back, nothing more. */
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed({"writer", "editor"})
public class ArticleResource {

    private static final int MAX_PAGE_SIZE = 100;

    private final ArticleService articles;
    private final SecurityIdentity identity;

    public ArticleResource(ArticleService articles, SecurityIdentity identity) {
        this.articles = articles;
        this.identity = identity;
    }

    @POST
    public Response create(ArticleInput input) {
        SavedArticle saved = articles.create(requireBody(input), user());
        return Response.created(URI.create("/api/articles/" + saved.article().id))
                .tag(etag(saved.article()))
                .entity(ArticleView.of(saved.article(), saved.sanitizerRemoved()))
                .build();
    }

    @GET
    public ArticleList list(@QueryParam("status") String status, @QueryParam("section") String section,
            @QueryParam("q") String text, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        ArticlePage found = articles.list(parseStatus(status), section, text, page, size);
        return new ArticleList(found.items().stream().map(ArticleView::of).toList(), found.total(), page, size);
    }

    @GET
    @Path("/{id}")
    public Response get(@PathParam("id") UUID id) {
        Article article = articles.get(id);
        return Response.ok(ArticleView.of(article)).tag(etag(article)).build();
    }

    @PUT
    @Path("/{id}")
    public Response replace(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, ArticleInput input) {
        SavedArticle saved = articles.replace(id, requireBody(input), parseIfMatch(ifMatch), user());
        return Response.ok(ArticleView.of(saved.article(), saved.sanitizerRemoved()))
                .tag(etag(saved.article())).build();
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed("editor")
    public Response publish(@PathParam("id") UUID id, PublishRequest request) {
        Article article = articles.publish(id, request == null ? null : request.at(), user());
        return Response.ok(ArticleView.of(article)).tag(etag(article)).build();
    }

    @POST
    @Path("/{id}/unpublish")
    @RolesAllowed("editor")
    public Response unpublish(@PathParam("id") UUID id, UnpublishRequest request) {
        Article article = articles.unpublish(id, request == null ? null : request.reason(), user());
        return Response.ok(ArticleView.of(article)).tag(etag(article)).build();
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id) {
        articles.delete(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/revisions")
    public List<RevisionView> revisions(@PathParam("id") UUID id) {
        return articles.revisions(id).stream().map(RevisionView::of).toList();
    }

    @GET
    @Path("/{id}/revisions/{n}")
    public RevisionView revision(@PathParam("id") UUID id, @PathParam("n") int number) {
        return RevisionView.of(articles.revision(id, number));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }

    private static ArticleInput requireBody(ArticleInput input) {
        if (input == null) {
            throw new ProblemException(400, "Invalid request", "a JSON article is required in the body");
        }
        return input;
    }

    static EntityTag etag(Article article) {
        return new EntityTag(Long.toString(article.version));
    }

    private static Long parseIfMatch(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String value = ifMatch.strip();
        if (value.startsWith("W/")) {
            value = value.substring(2);
        }
        value = value.replace("\"", "");
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new ProblemException(412, "Precondition failed",
                    "If-Match must be the ETag the article was read with, e.g. \"3\"");
        }
    }

    private static ArticleStatus parseStatus(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return ArticleStatus.valueOf(status.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "must be one of DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED");
        }
    }
}
