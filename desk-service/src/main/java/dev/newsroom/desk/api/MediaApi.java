package dev.newsroom.desk.api;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;

import com.fasterxml.jackson.databind.JsonNode;

/** media-service's API as the desk calls it: uploads, recent uploads, descriptions, and the thumbnails the desk shows. */
@RegisterRestClient(configKey = "media")
@RegisterClientHeaders(ApiAuthorization.class)
public interface MediaApi {

    @POST
    @Path("/api/media")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    Response upload(@RestForm("file") @PartType(MediaType.APPLICATION_OCTET_STREAM) java.io.File file);

    @GET
    @Path("/api/media")
    @Produces(MediaType.APPLICATION_JSON)
    Response recent(@QueryParam("page") int page, @QueryParam("size") int size);

    @GET
    @Path("/api/media/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    Response get(@PathParam("id") String id);

    @PUT
    @Path("/api/media/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Response describe(@PathParam("id") String id, JsonNode description);

    @GET
    @Path("/media/{id}/{rendition}")
    Response rendition(@PathParam("id") String id, @PathParam("rendition") String rendition);
}
