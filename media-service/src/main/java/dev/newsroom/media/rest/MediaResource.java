package dev.newsroom.media.rest;

import java.net.URI;
import java.util.UUID;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.newsroom.media.MediaAsset;
import dev.newsroom.media.config.MediaConfig;
import dev.newsroom.media.service.MediaService;
import dev.newsroom.problem.PageQuery;
import dev.newsroom.problem.Paging;
import dev.newsroom.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The picture desk's API: upload, describe, delete. */
@RequiredArgsConstructor
@Path("/api/media")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"writer", "editor"})
public class MediaResource {

    /** The created_by column's width. */
    private static final int MAX_USER_NAME = 120;

    private final MediaService media;
    private final MediaConfig config;
    private final SecurityIdentity identity;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@RestForm("file") FileUpload file, @RestForm String caption, @RestForm String credit,
            @RestForm String altText) {
        if (file == null || file.uploadedFile() == null) {
            throw ProblemException.invalid("file", "a multipart part named \"file\" with the image is required");
        }
        MediaAsset asset = media.upload(file.uploadedFile(), file.fileName(),
                new MediaService.Description(caption, credit, altText), identity.getPrincipal().getName());
        // from the configured public address, never from the request's Host header
        return Response.created(URI.create(config.publicUrl() + "/api/media/" + asset.id))
                .entity(MediaView.of(asset, config.publicUrl())).build();
    }

    @GET
    @Operation(summary = "Recent uploads: the photos a story may use, newest first",
            description = "Every asset that is not deleted (any writer or editor may use any of them as a lead image "
                    + "or in a body), newest upload first, paged.")
    @APIResponse(responseCode = "200", description = "One page of assets",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = MediaList.class)))
    @APIResponse(responseCode = "400", description = "A parameter is invalid: errors[].field names it",
            content = @Content(mediaType = "application/problem+json"))
    public MediaList list(
            @Parameter(description = "Only the uploads of this user (the name they sign in with)")
            @QueryParam("uploadedBy") String uploadedBy,
            @BeanParam PageQuery pages) {
        Paging paging = pages.paging();
        String uploader = uploadedBy == null || uploadedBy.isBlank() ? null : uploadedBy.strip();
        if (uploader != null && uploader.length() > MAX_USER_NAME) {
            throw ProblemException.invalid("uploadedBy", "has more than " + MAX_USER_NAME + " characters; no user "
                    + "name is that long");
        }
        MediaService.AssetPage found = media.usable(uploader, paging.page(), paging.size());
        return new MediaList(found.items().stream().map(asset -> MediaView.of(asset, config.publicUrl())).toList(),
                found.total(), paging.page(), paging.size());
    }

    @GET
    @Path("/{id}")
    public MediaView get(@PathParam("id") UUID id) {
        return MediaView.of(media.get(id), config.publicUrl());
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public MediaView describe(@PathParam("id") UUID id, DescriptionInput input) {
        if (input == null) {
            throw new ProblemException(400, "Invalid request", "a JSON body with caption, credit and altText is required");
        }
        return MediaView.of(media.describe(id, new MediaService.Description(input.caption(), input.credit(),
                input.altText()), caller()), config.publicUrl());
    }

    @DELETE
    @Path("/{id}")
    public Response delete(@PathParam("id") UUID id,
            @Parameter(description = "an editor confirms deleting an asset that a published or scheduled story uses")
            @QueryParam("force") boolean force) {
        media.delete(id, caller(), force);
        return Response.noContent().build();
    }

    /** A whole number in [min, max], or the fallback when absent; anything else is a 400 naming the parameter. */
    private MediaService.Caller caller() {
        return new MediaService.Caller(identity.getPrincipal().getName(), identity.hasRole("editor"));
    }
}
