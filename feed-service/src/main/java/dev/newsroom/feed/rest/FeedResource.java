package dev.newsroom.feed.rest;

import java.util.Date;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.feed.service.FeedService;
import dev.newsroom.feed.service.RenderedFeed;
import dev.newsroom.problem.ProblemException;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

/** Public feeds: everything, per section, per tag, in RSS 2.0, Atom 1.0 and JSON Feed 1.1, with conditional GET. */
@Path("/feeds")
public class FeedResource {

    private static final int MAX_PAGE = 10_000;
    private static final CacheControl CACHE_CONTROL = CacheControl.valueOf("public, max-age=15");

    private final FeedService feeds;

    public FeedResource(FeedService feeds) {
        this.feeds = feeds;
    }

    @GET
    @Path("/{file}")
    public Response everything(@PathParam("file") String file, @QueryParam("page") @DefaultValue("1") int page,
            @Context Request request) {
        return serve(FeedScope.ALL, file, page, request);
    }

    @GET
    @Path("/sections/{section}/{file}")
    public Response section(@PathParam("section") String section, @PathParam("file") String file,
            @QueryParam("page") @DefaultValue("1") int page, @Context Request request) {
        return serve(FeedScope.section(section), file, page, request);
    }

    @GET
    @Path("/tags/{tag}/{file}")
    public Response tag(@PathParam("tag") String tag, @PathParam("file") String file,
            @QueryParam("page") @DefaultValue("1") int page, @Context Request request) {
        return serve(FeedScope.tag(tag), file, page, request);
    }

    private Response serve(FeedScope scope, String file, int page, Request request) {
        FeedFormat format = FeedFormat.ofFileName(file).orElseThrow(() -> new ProblemException(404, "Not found",
                "no feed named '" + file + "': use rss.xml, atom.xml or feed.json"));
        if (page < 1 || page > MAX_PAGE) {
            throw ProblemException.invalid("page", "must be between 1 and " + MAX_PAGE);
        }
        RenderedFeed feed = feeds.feed(scope, format, page);
        EntityTag etag = EntityTag.valueOf(feed.etag());
        Date lastModified = Date.from(feed.lastModified());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(lastModified, etag);
        Response.ResponseBuilder response = notModified != null
                ? notModified
                : Response.ok(feed.body()).type(feed.mediaType());
        return response.tag(etag).lastModified(lastModified).cacheControl(CACHE_CONTROL).build();
    }
}
