package dev.newsroom.feed.rest;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.feed.service.FeedService;
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
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

/**
 * Public feeds: everything, per section, per tag, in RSS 2.0, Atom 1.0 and JSON Feed 1.1, with conditional GET.
 * A feed already rendered is answered before it gets here ({@link CachedDocumentRoutes}); what arrives is rendered
 * (or taken from the cache, for a HEAD or a render that finished meanwhile) on a worker thread.
 */
@RequiredArgsConstructor
@NonBlocking
@Path("/feeds")
public class FeedResource {

    private final FeedService feeds;

    @GET
    @Path("/{file}")
    @Operation(summary = "Every published article, newest first (rss.xml, atom.xml or feed.json)")
    public Uni<Response> everything(@PathParam("file") String file,
            @Parameter(description = "older pages: 2, 3, ... (RFC 5005 next links lead there)")
            @QueryParam("page") @DefaultValue("1") int page, @BeanParam DocumentRequest request) {
        return serve(FeedScope.ALL, file, page, request);
    }

    @GET
    @Path("/{kind}/{name}/{file}")
    @Operation(summary = "The articles of one section (kind \"sections\") or tag (kind \"tags\"), newest first")
    public Uni<Response> scoped(@PathParam("kind") String kind, @PathParam("name") String name,
            @PathParam("file") String file, @QueryParam("page") @DefaultValue("1") int page,
            @BeanParam DocumentRequest request) {
        return serve(FeedScope.of(kind, name).orElseThrow(NotFoundException::new), file, page, request);
    }

    private Uni<Response> serve(FeedScope scope, String file, int page, DocumentRequest request) {
        FeedFormat format = FeedFormat.ofFileName(file).orElseThrow(() -> new ProblemException(404, "Not found",
                "no feed named '" + file + "': use rss.xml, atom.xml or feed.json"));
        Documents.checkPage(page);
        return Uni.createFrom().item(() -> Documents.response(feeds.feed(scope, format, page), request))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
