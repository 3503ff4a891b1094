package dev.newsroom.feed.rest;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.Rebuild;
import dev.newsroom.feed.service.Rebuilds;
import dev.newsroom.problem.Problem;
import dev.newsroom.problem.ProblemException;
import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Operators' endpoints: rebuild the read model from the topics and follow the rebuild. They need
 * {@code Authorization: Bearer <newsroom.feed.admin-token>}; with no token configured they are switched off.
 */
@Path("/admin/rebuild")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AdminResource {

    private final Rebuilds rebuilds;
    private final Optional<String> token;
    private final String publicBaseUrl;

    public AdminResource(Rebuilds rebuilds, FeedConfig config) {
        this.rebuilds = rebuilds;
        this.publicBaseUrl = config.publicBaseUrl();
        this.token = config.adminToken().filter(value -> !value.isBlank());
    }

    @POST
    @Operation(summary = "Rebuild the read model from offset zero of both topics, while feeds keep being served")
    public Response start(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return refusal(authorization).orElseGet(() -> {
            Rebuild rebuild = rebuilds.start();
            // from the configured public address, never from the request's Host header
            return Response.accepted(rebuild)
                    .location(URI.create(publicBaseUrl + "/admin/rebuild/" + rebuild.generation())).build();
        });
    }

    @GET
    @Operation(summary = "The latest rebuild: RUNNING, DONE or FAILED, with events applied and skipped")
    public Response latest(@HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return refusal(authorization).orElseGet(() -> Response.ok(rebuilds.latest().orElseThrow(() ->
                new ProblemException(404, "Not found", "no rebuild was ever started: POST /admin/rebuild starts one")))
                .build());
    }

    @GET
    @Path("/{generation}")
    @Operation(summary = "One rebuild by its generation")
    public Response one(@PathParam("generation") long generation,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        return refusal(authorization).orElseGet(() -> Response.ok(rebuilds.find(generation)
                .orElseThrow(() -> ProblemException.notFound("rebuild " + generation))).build());
    }

    /** The answer to a request without the operator's token; empty when the token is right. */
    private Optional<Response> refusal(String authorization) {
        if (token.isEmpty()) {
            return Optional.of(problem(Problem.of(403, "Forbidden",
                    "admin endpoints are switched off on this deployment"))
                    .build());
        }
        // RFC 9110 11.1: the scheme is case-insensitive; the token is compared in constant time, so it cannot be
        // guessed one character at a time
        String sent = authorization == null ? "" : authorization.strip();
        boolean bearer = sent.regionMatches(true, 0, "Bearer ", 0, 7);
        if (!bearer || !MessageDigest.isEqual(token.get().getBytes(StandardCharsets.UTF_8),
                sent.substring(7).strip().getBytes(StandardCharsets.UTF_8))) {
            return Optional.of(problem(Problem.of(401, "Unauthorized", "send Authorization: Bearer <operator token>"))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"feed-service admin\"")
                    .build());
        }
        return Optional.empty();
    }

    private static Response.ResponseBuilder problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }
}
