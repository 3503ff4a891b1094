package dev.newsroom.feed.rest;

import dev.newsroom.feed.service.ArticlePages;
import dev.newsroom.feed.service.ArticlePages.Outcome;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;

/** The plain, accessible HTML page of a published article, where every feed item links. */
@Path("/articles")
public class ArticlePageResource {

    private static final String HTML = "text/html; charset=utf-8";
    /** As the feeds: shared caches absorb a crowd, and a stale copy beats an error (this service keeps one too). */
    private static final String CACHE_CONTROL = "public, max-age=15, stale-if-error=86400";

    private final ArticlePages pages;

    public ArticlePageResource(ArticlePages pages) {
        this.pages = pages;
    }

    @GET
    @Path("/{slug}")
    public Response page(@PathParam("slug") String slug) {
        Outcome outcome = pages.page(slug);
        return Response.status(outcome.status())
                .type(HTML)
                .entity(outcome.html())
                .cacheControl(CacheControl.valueOf(outcome.status() == 200 ? CACHE_CONTROL : "no-cache"))
                .build();
    }
}
