package dev.newsroom.desk.session;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Set;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import lombok.RequiredArgsConstructor;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.newsroom.desk.config.DeskConfig;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Finds who is signed in (the session cookie, or the OIDC identity in production), sends everyone else to the
 * sign-in page, and refuses any state-changing request whose X-CSRF-Token header is not this session's token.
 */
@RequiredArgsConstructor
public class SessionFilter {

    public static final String CSRF_HEADER = "X-CSRF-Token";
    /** In OIDC mode the CSRF token is a double-submit cookie; with the form sign-in it lives in the session. */
    public static final String CSRF_COOKIE = "desk-csrf";
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /** Forms posted into a frame, which cannot send a header: their resources check the token from the form. */
    private static final Set<String> FORM_TOKEN_PATHS = Set.of("/stories/preview");

    private final SessionCookie cookies;
    private final SignedInUser user;
    private final DeskConfig config;
    private final SecurityIdentity identity;

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean publicPath = path.equals("/sign-in") || path.startsWith("/assets/");
        if (config.signIn() == DeskConfig.SignIn.oidc) {
            fromOidc(request);
        } else {
            Cookie cookie = request.getCookies().get(SessionCookie.NAME);
            cookies.open(cookie == null ? null : cookie.getValue()).ifPresent(session -> user.signIn(session.user(),
                    session.editor(), session.csrfToken(), basic(session.user(), session.password())));
        }
        if (!SAFE_METHODS.contains(request.getMethod()) && !FORM_TOKEN_PATHS.contains(path)) {
            String expected = user.present() ? user.csrfToken() : preSessionToken(request);
            if (!sameToken(expected, request.getHeaderString(CSRF_HEADER))) {
                return DeskProblem.response(403, "Request refused",
                        "the request did not carry this session's CSRF token; reload the page and try again");
            }
        }
        if (user.present() || publicPath) {
            return null;
        }
        if (request.getHeaderString("HX-Request") != null || acceptsJson(request)) {
            return DeskProblem.response(401, "Signed out", "sign in again at /sign-in");
        }
        return Response.seeOther(URI.create("/sign-in")).build();
    }

    /** Whether a token sent matches the expected one, compared in constant time. */
    public static boolean sameToken(String expected, String sent) {
        return expected != null && sent != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                sent.getBytes(StandardCharsets.UTF_8));
    }

    private void fromOidc(ContainerRequestContext request) {
        if (identity.isAnonymous()) {
            return;
        }
        AccessTokenCredential token = identity.getCredential(AccessTokenCredential.class);
        Cookie csrf = request.getCookies().get(CSRF_COOKIE);
        user.signIn(identity.getPrincipal().getName(), identity.hasRole("editor"),
                csrf == null ? null : csrf.getValue(), token == null ? null : "Bearer " + token.getToken());
    }

    /** Before sign-in, the sign-in form's token is a double-submit cookie. */
    private static String preSessionToken(ContainerRequestContext request) {
        Cookie csrf = request.getCookies().get(CSRF_COOKIE);
        return csrf == null ? null : csrf.getValue();
    }

    private static boolean acceptsJson(ContainerRequestContext request) {
        return request.getAcceptableMediaTypes().stream().anyMatch(type -> type.isCompatible(MediaType.APPLICATION_JSON_TYPE)
                && !type.isWildcardType());
    }

    static String basic(String name, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((name + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
