package dev.newsroom.desk.photo;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

import dev.newsroom.desk.Templates;
import dev.newsroom.desk.api.ApiAnswers;
import dev.newsroom.desk.api.MediaApi;
import dev.newsroom.desk.session.DeskProblem;
import io.quarkus.qute.TemplateInstance;

/**
 * Photos for the lead image: uploads go to media-service as the signed-in user (which reads caption, credit and
 * by-line from the photo's IPTC/XMP), recent uploads are listed to choose from, and thumbnails come through the desk
 * so its pages load images from itself only.
 */
@RequiredArgsConstructor
@Path("/photos")
public class PhotoResource {

    /** Two columns of four rows fit the editor's side panel. */
    private static final int PICKER_PAGE_SIZE = 8;

    @RestClient
    private final MediaApi media;
    private final ApiAnswers answers;

    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(@RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            return DeskProblem.invalid("file", "choose a photo to upload");
        }
        try (Response answer = media.upload(file.uploadedFile().toFile())) {
            String body = answer.readEntity(String.class);
            MediaType type = answer.getStatus() >= 400 ? MediaType.valueOf(DeskProblem.MEDIA_TYPE)
                    : MediaType.APPLICATION_JSON_TYPE;
            return Response.status(answer.getStatus()).type(type).entity(body).build();
        }
    }

    /** The picker's list: a page of the photos a story may use, newest upload first (an htmx fragment). */
    @GET
    @Path("/recent")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance recent(@QueryParam("page") @DefaultValue("0") int page) {
        RecentPhotos photos = answers.read(media.recent(Math.max(0, page), PICKER_PAGE_SIZE), RecentPhotos.class);
        return Templates.recentPhotos(photos);
    }

    @GET
    @Path("/{id}/thumb")
    public Response thumb(@PathParam("id") String id) {
        if (!id.matches("[0-9a-fA-F-]{36}")) {
            return Response.status(404).build();
        }
        try (Response image = media.rendition(id, "thumb")) {
            if (image.getStatus() != 200) {
                return Response.status(image.getStatus()).build();
            }
            return Response.ok(image.readEntity(byte[].class), image.getMediaType())
                    .header("Cache-Control", "private, max-age=300").build();
        }
    }
}
