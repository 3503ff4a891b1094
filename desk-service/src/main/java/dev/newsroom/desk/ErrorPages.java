package dev.newsroom.desk;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import lombok.RequiredArgsConstructor;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.newsroom.desk.api.ApiAnswers.ApiRefusal;
import dev.newsroom.desk.session.SignedInUser;

/** An API's refusal reaching a page: an HTML page in plain words for the browser, the problem for scripts. */
@RequiredArgsConstructor
public class ErrorPages {

    private final SignedInUser user;

    @ServerExceptionMapper
    public Response refused(ApiRefusal refusal, HttpHeaders headers) {
        boolean page = headers.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(
                MediaType.TEXT_HTML_TYPE) && !type.isWildcardType()) && headers.getHeaderString("HX-Request") == null;
        if (!page) {
            return refusal.getResponse();
        }
        String title = switch (refusal.status()) {
            case 401 -> "Signed out";
            case 403 -> "Not allowed";
            case 404 -> "No such story";
            default -> "Something went wrong";
        };
        return Response.status(refusal.status()).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.problem(Page.of(title, user, ""), refusal.status(), title, refusal.detail())).build();
    }
}
