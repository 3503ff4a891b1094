package dev.newsroom.media.rest;

import java.util.UUID;

import dev.newsroom.media.service.MediaService;
import dev.newsroom.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;

import lombok.RequiredArgsConstructor;

/**
 * Public image delivery. A rendition's bytes never change under its URL (a new image is a new asset),
 * so it is cacheable for a year; nosniff stops browsers from guessing another type.
 */
@RequiredArgsConstructor
@Path("/media")
public class DeliveryResource {

    private static final CacheControl IMMUTABLE = CacheControl.valueOf("public, max-age=31536000, immutable");

    private final MediaService media;

    @GET
    @Path("/{id}/{rendition}")
    public Response deliver(@PathParam("id") UUID id, @PathParam("rendition") String rendition,
            @Context Request request) {
        MediaService.Delivery delivery = media.deliver(id, rendition).orElseThrow(() ->
                ProblemException.notFound("rendition '" + rendition + "' of media asset " + id));
        EntityTag etag = new EntityTag(delivery.rendition().sha256);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            closeQuietly(delivery);
            return notModified.tag(etag).cacheControl(IMMUTABLE).build();
        }
        return Response.ok(delivery.bytes())
                .type(delivery.rendition().mimeType)
                .tag(etag)
                .cacheControl(IMMUTABLE)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Length", delivery.rendition().bytes)
                .build();
    }

    private static void closeQuietly(MediaService.Delivery delivery) {
        try {
            delivery.bytes().close();
        } catch (java.io.IOException e) {
            // nothing was read; the stream only held a file handle
        }
    }
}
