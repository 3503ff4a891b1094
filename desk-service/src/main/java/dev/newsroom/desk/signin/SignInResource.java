package dev.newsroom.desk.signin;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import lombok.RequiredArgsConstructor;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import dev.newsroom.desk.Templates;
import dev.newsroom.desk.api.ArticleApi;
import dev.newsroom.desk.config.DeskConfig;
import dev.newsroom.desk.session.DeskSession;
import dev.newsroom.desk.session.SessionCookie;
import dev.newsroom.desk.session.SessionFilter;
import dev.newsroom.desk.session.SignedInUser;
import io.quarkus.logging.Log;

/**
 * The local sign-in form: the user name and password are checked by article-service itself (the desk has no users
 * of its own), and whether it lets the user act as an editor decides which actions the desk shows.
 */
@RequiredArgsConstructor
@Path("/")
public class SignInResource {

    /** An id no story has: the editor-only events endpoint answers 404 to an editor and 403 to a writer. */
    private static final String NO_STORY = "00000000-0000-0000-0000-000000000000";
    private static final SecureRandom RANDOM = new SecureRandom();

    @RestClient
    private final ArticleApi articles;
    private final SessionCookie sessions;
    private final DeskConfig config;
    private final SignedInUser user;
    private final Clock clock;

    @GET
    @Path("/sign-in")
    @Produces(MediaType.TEXT_HTML)
    public Response form(@CookieParam(SessionFilter.CSRF_COOKIE) String csrf, @QueryParam("expired") String expired,
            @Context UriInfo uri) {
        if (config.signIn() == DeskConfig.SignIn.oidc) {
            return Response.seeOther(URI.create("/")).build();
        }
        String token = csrf != null && csrf.length() >= 32 ? csrf : newToken();
        return Response.ok(Templates.signIn(token, null, "", expired != null))
                .cookie(cookie(SessionFilter.CSRF_COOKIE, token, uri, -1)).build();
    }

    @POST
    @Path("/sign-in")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response signIn(@FormParam("username") String username, @FormParam("password") String password,
            @CookieParam(SessionFilter.CSRF_COOKIE) String csrf, @Context UriInfo uri) {
        String name = username == null ? "" : username.trim();
        if (name.isEmpty() || password == null || password.isEmpty()) {
            return Response.ok(Templates.signIn(csrf, "Enter your user name and password.", name, false)).build();
        }
        String basic = "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
        user.tryCredentials(basic);
        int status = statusOf(articles.list(null, null, null, null, 0, 1));
        if (status == 401) {
            return Response.ok(Templates.signIn(csrf, "That user name and password do not match.", name, false)).build();
        }
        if (status >= 400) {
            return Response.ok(Templates.signIn(csrf,
                    "article-service cannot be reached (" + status + "); is the platform up?", name, false)).build();
        }
        boolean editor = statusOf(articles.events(NO_STORY)) != 403;
        DeskSession session = new DeskSession(name, password, editor, newToken(),
                clock.instant().plus(config.sessionLength()));
        Log.infof("%s signed in to the desk (%s)", name, editor ? "editor" : "writer");
        return Response.ok().header("HX-Redirect", "/")
                .cookie(cookie(SessionCookie.NAME, sessions.seal(session), uri, (int) config.sessionLength().toSeconds()))
                .build();
    }

    @POST
    @Path("/sign-out")
    public Response signOut(@Context UriInfo uri) {
        return Response.ok().header("HX-Redirect", "/sign-in")
                .cookie(cookie(SessionCookie.NAME, "", uri, 0)).build();
    }

    private static int statusOf(Response response) {
        try (response) {
            return response.getStatus();
        }
    }

    static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** HttpOnly, SameSite=Strict, and Secure whenever the desk is reached over https. */
    static NewCookie cookie(String name, String value, UriInfo uri, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT).maxAge(maxAge).build();
    }
}
