package dev.newsroom.problem;

import java.util.Arrays;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MediaType;

/**
 * Every POST, PUT and PATCH with credentials must say it sends JSON (or the multipart form an upload declares), even
 * when it has no body. A cross-site HTML form can only send form encodings or text/plain, so a browser holding an editor's
 * credentials cannot be made to publish, unpublish or restore from another site.
 */
public class JsonStateChanges {

    @ServerRequestFilter
    public void requireDeclaredType(ContainerRequestContext request, ResourceInfo resource) {
        String method = request.getMethod();
        if (!method.equals("POST") && !method.equals("PUT") && !method.equals("PATCH")) {
            return;
        }
        if (request.getHeaderString("Authorization") == null && request.getHeaderString("Cookie") == null) {
            return; // no credentials a browser could attach on its own: nothing to forge, authentication answers 401
        }
        MediaType sent = request.getMediaType();
        if (sent != null && (isJson(sent) || declares(resource, sent))) {
            return;
        }
        throw new ProblemException(415, "Unsupported Media Type",
                "send Content-Type: application/json" + (sent == null ? "" : ", not " + sent.getType() + "/"
                        + sent.getSubtype()) + " (also when there is no body)",
                java.util.List.of(new Problem.FieldError("Content-Type", "must be application/json")));
    }

    private static boolean isJson(MediaType type) {
        return type.getType().equals("application")
                && (type.getSubtype().equals("json") || type.getSubtype().endsWith("+json"));
    }

    /** Whether the matched method itself accepts this non-JSON type, as an upload accepts multipart/form-data. */
    private static boolean declares(ResourceInfo resource, MediaType sent) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        Consumes consumes = resource.getResourceMethod().getAnnotation(Consumes.class);
        return consumes != null && Arrays.stream(consumes.value())
                .map(MediaType::valueOf)
                .anyMatch(accepted -> !accepted.isWildcardType() && accepted.isCompatible(sent));
    }
}
