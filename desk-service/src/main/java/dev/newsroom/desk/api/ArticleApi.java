package dev.newsroom.desk.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * article-service's editors' API as the desk calls it. Every method answers the raw response: the desk passes the
 * API's status and problem on (a 412 is a conflict, a 401/403 never is).
 */
@RegisterRestClient(configKey = "articles")
@RegisterClientHeaders(ApiAuthorization.class)
@Path("/api/articles")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface ArticleApi {

    @GET
    Response list(@QueryParam("status") String status, @QueryParam("section") String section,
            @QueryParam("q") String text, @QueryParam("author") String author, @QueryParam("page") int page,
            @QueryParam("size") int size);

    /** The story unless its version is still {@code ifNoneMatch}, which answers 304 without a body. */
    @GET
    @Path("/{id}")
    Response getIfChanged(@PathParam("id") String id, @HeaderParam("If-None-Match") String ifNoneMatch);

    default Response get(String id) {
        return getIfChanged(id, null);
    }

    @POST
    Response create(JsonNode story);

    @PUT
    @Path("/{id}")
    Response replace(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch, JsonNode story);

    @POST
    @Path("/{id}/publish")
    Response publish(@PathParam("id") String id, JsonNode request);

    @POST
    @Path("/{id}/unpublish")
    Response unpublish(@PathParam("id") String id, JsonNode request);

    @GET
    @Path("/{id}/revisions")
    Response revisions(@PathParam("id") String id);

    @GET
    @Path("/{id}/revisions/{n}")
    Response revision(@PathParam("id") String id, @PathParam("n") int number);

    @POST
    @Path("/{id}/revisions/{n}/restore")
    @ClientHeaderParam(name = "Content-Type", value = "application/json")
    Response restore(@PathParam("id") String id, @PathParam("n") int number, @HeaderParam("If-Match") String ifMatch);

    @GET
    @Path("/{id}/events")
    Response events(@PathParam("id") String id);
}
