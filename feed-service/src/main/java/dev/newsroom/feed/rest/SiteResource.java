package dev.newsroom.feed.rest;

import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.service.MissingPage;
import dev.newsroom.feed.service.RenderedFeed;
import dev.newsroom.feed.service.SitePages;
import dev.newsroom.page.SiteIcon;
import dev.newsroom.problem.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * The readers' site: front page, section and tag pages, article pages, robots.txt and sitemaps, with the feeds'
 * conditional GET and compression. Rendered documents are answered before they get here
 * ({@link CachedDocumentRoutes}); what arrives is rendered on a worker thread. A person's browser asking for a page
 * that is not there gets an HTML page with the way back to the front page; any other client gets problem+json.
 */
@RequiredArgsConstructor
@NonBlocking
@Path("/")
public class SiteResource {

    private final SitePages pages;
    private final ReaderErrorPages errorPages;

    @GET
    @Operation(summary = "Front page: the latest stories")
    public Uni<Response> front(@QueryParam("page") @DefaultValue("1") int page,
            @BeanParam DocumentRequest request) {
        return listing(FeedScope.ALL, page, request);
    }

    @GET
    @Path("{kind}/{name}")
    @Operation(summary = "The latest stories of one section (kind \"sections\") or tag (kind \"tags\")")
    public Uni<Response> scoped(@PathParam("kind") String kind, @PathParam("name") String name,
            @QueryParam("page") @DefaultValue("1") int page, @BeanParam DocumentRequest request) {
        return listing(FeedScope.of(kind, name).orElseThrow(NotFoundException::new), page, request);
    }

    @GET
    @Path("articles/{slug}")
    @Operation(summary = "The page of a published article (410 once withdrawn)")
    public Uni<Response> article(@PathParam("slug") String slug, @BeanParam DocumentRequest request) {
        return serve(request, () -> pages.article(slug));
    }

    @GET
    @Path("sitemap.xml")
    @Operation(summary = "Sitemap index: the news sitemap and one archive sitemap per month (paged)")
    public Uni<Response> sitemapIndex(@BeanParam DocumentRequest request) {
        return serve(request, pages::sitemapIndex);
    }

    @GET
    @Path("sitemaps/news.xml")
    @Operation(summary = "News sitemap: the stories of the last two days")
    public Uni<Response> newsSitemap(@BeanParam DocumentRequest request) {
        return serve(request, pages::newsSitemap);
    }

    @GET
    @Path("sitemaps/{month}.xml")
    @Operation(summary = "Archive sitemap of one month (yyyy-MM), oldest first, paged")
    public Uni<Response> archiveSitemap(@PathParam("month") String month,
            @QueryParam("page") @DefaultValue("1") int page, @BeanParam DocumentRequest request) {
        Documents.checkPage(page);
        return serve(request, () -> pages.archiveSitemap(month, page));
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "Crawling rules and the sitemap index")
    public String robots() {
        return pages.robots();
    }

    @GET
    @Path(SiteIcon.PATH)
    @Produces("image/svg+xml")
    @Operation(summary = "The site's icon when the newsroom configured none: the initial of its name")
    public Response icon() {
        return Response.ok(pages.icon()).header("Cache-Control", "public, max-age=86400").build();
    }

    @GET
    @Path("favicon.ico")
    @Operation(summary = "Sends browsers and feed readers that look here by habit to the site's icon")
    public Response legacyIcon() {
        // found rather than moved for good: a newsroom that configures its own icon later changes where this goes
        return Response.status(Response.Status.FOUND).location(pages.iconAddress())
                .header("Cache-Control", "public, max-age=86400").build();
    }

    private Uni<Response> listing(FeedScope scope, int page, DocumentRequest request) {
        Documents.checkPage(page);
        return serve(request, () -> pages.listing(scope, page));
    }

    private Uni<Response> serve(DocumentRequest request, Supplier<RenderedFeed> render) {
        return Uni.createFrom().item(() -> {
            try {
                return Documents.response(render.get(), request);
            } catch (MissingPage missing) {
                return missing(request, missing);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** People get a page to read, programs the problem they can parse. */
    private Response missing(DocumentRequest request, MissingPage missing) {
        int status = missing.withdrawn() ? 410 : 404;
        if (!ReaderErrorPages.wantsHtml(request.accept())) {
            throw new ProblemException(status, missing.withdrawn() ? "Gone" : "Not found", missing.getMessage());
        }
        return errorPages.page(status);
    }
}
