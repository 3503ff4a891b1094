package dev.newsroom.feed.rest;

import java.util.function.Supplier;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.service.MissingPage;
import dev.newsroom.feed.service.RenderedFeed;
import dev.newsroom.feed.service.SitePages;
import dev.newsroom.problem.ProblemException;
import io.smallrye.common.annotation.NonBlocking;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * The readers' site: front page, section and tag pages, article pages, robots.txt and sitemaps, with the feeds'
 * conditional GET and compression. Rendered documents are answered on the I/O thread from memory; rendering runs
 * on a worker thread. A person's browser asking for a page that is not there gets an HTML page with the way back to
 * the front page; any other client gets problem+json.
 */
@Path("/")
public class SiteResource {

    private static final int MAX_PAGE = 10_000;
    /** Pages change the moment a story does; shared caches may still absorb a crowd for a few seconds. */
    static final String CACHE_CONTROL = "public, max-age=15, stale-if-error=86400";

    private final SitePages pages;
    private final ReaderErrorPages errorPages;

    public SiteResource(SitePages pages, ReaderErrorPages errorPages) {
        this.pages = pages;
        this.errorPages = errorPages;
    }

    /** The request headers every page answer depends on. */
    public record Request(@HeaderParam(HttpHeaders.ACCEPT) String accept,
            @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
            @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
            @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
    }

    @GET
    @NonBlocking
    @Operation(summary = "Front page: the latest stories")
    public Uni<Response> front(@QueryParam("page") @DefaultValue("1") int page,
            @BeanParam Request request) {
        checkPage(page);
        return serve(request, pages.cached("page:" + FeedScope.ALL.path(), page),
                () -> pages.listing(FeedScope.ALL, page));
    }

    @GET
    @Path("sections/{section}")
    @NonBlocking
    @Operation(summary = "The latest stories of one section")
    public Uni<Response> section(@PathParam("section") String section, @QueryParam("page") @DefaultValue("1") int page,
            @BeanParam Request request) {
        checkPage(page);
        FeedScope scope = FeedScope.section(section);
        return serve(request, pages.cached("page:" + scope.path(), page), () -> pages.listing(scope, page));
    }

    @GET
    @Path("tags/{tag}")
    @NonBlocking
    @Operation(summary = "The latest stories with one tag")
    public Uni<Response> tag(@PathParam("tag") String tag, @QueryParam("page") @DefaultValue("1") int page,
            @BeanParam Request request) {
        checkPage(page);
        FeedScope scope = FeedScope.tag(tag);
        return serve(request, pages.cached("page:" + scope.path(), page), () -> pages.listing(scope, page));
    }

    @GET
    @Path("articles/{slug}")
    @NonBlocking
    @Operation(summary = "The page of a published article (410 once withdrawn)")
    public Uni<Response> article(@PathParam("slug") String slug, @BeanParam Request request) {
        return serve(request, pages.cached("/articles/" + slug, 1), () -> pages.article(slug));
    }

    @GET
    @Path("sitemap.xml")
    @NonBlocking
    @Operation(summary = "Sitemap index: the news sitemap and one archive sitemap per month (paged)")
    public Uni<Response> sitemapIndex(@BeanParam Request request) {
        return serve(request, pages.cached("/sitemap.xml", 1), pages::sitemapIndex);
    }

    @GET
    @Path("sitemaps/news.xml")
    @NonBlocking
    @Operation(summary = "News sitemap: the stories of the last two days")
    public Uni<Response> newsSitemap(@BeanParam Request request) {
        return serve(request, pages.cached("/sitemaps/news.xml", 1), pages::newsSitemap);
    }

    @GET
    @Path("sitemaps/{month}.xml")
    @NonBlocking
    @Operation(summary = "Archive sitemap of one month (yyyy-MM), oldest first, paged")
    public Uni<Response> archiveSitemap(@PathParam("month") String month,
            @QueryParam("page") @DefaultValue("1") int page, @BeanParam Request request) {
        checkPage(page);
        return serve(request, pages.cached("/sitemaps/" + month + ".xml", page),
                () -> pages.archiveSitemap(month, page));
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain; charset=utf-8")
    @Operation(summary = "Crawling rules and the sitemap index")
    public String robots() {
        return pages.robots();
    }

    private Uni<Response> serve(Request request, RenderedFeed cached, Supplier<RenderedFeed> render) {
        if (cached != null) {
            return Uni.createFrom().item(respond(request, cached));
        }
        return Uni.createFrom().item(() -> {
            try {
                return respond(request, render.get());
            } catch (MissingPage missing) {
                return missing(request, missing);
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private static Response respond(Request request, RenderedFeed document) {
        return Documents.response(document, request.acceptEncoding(), request.ifNoneMatch(),
                request.ifModifiedSince(), CACHE_CONTROL);
    }

    /** People get a page to read, programs the problem they can parse. */
    private Response missing(Request request, MissingPage missing) {
        if (!ReaderErrorPages.wantsHtml(request.accept())) {
            throw new ProblemException(missing.status(), missing.status() == 410 ? "Gone" : "Not found",
                    missing.getMessage());
        }
        return errorPages.page(missing.status());
    }

    private static void checkPage(int page) {
        if (page < 1 || page > MAX_PAGE) {
            throw ProblemException.invalid("page", "must be between 1 and " + MAX_PAGE);
        }
    }
}
