package dev.newsroom.problem;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response of every service, set where the response leaves Vert.x, so pages added later
 * (by any resource, route or static file) are covered without opting in. Every response is {@code nosniff}; every
 * HTML page also gets a Content-Security-Policy without inline or foreign script, no framing and a Referrer-Policy.
 */
@ApplicationScoped
public class SecurityHeaders {

    /**
     * No script at all, styles from the page itself (pages inline their small stylesheet), images from anywhere
     * (photos come from media-service's own origin, and an image cannot run code), no plugins, no framing, no
     * {@code <base>} rewriting, forms only to this origin.
     */
    public static final String PAGE_POLICY = "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' https: http:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** Tools under /q/ (Swagger UI) run their own scripts; they still may not be framed. */
    static final String TOOL_POLICY = "frame-ancestors 'none'";

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(context -> {
            boolean tool = context.normalizedPath().startsWith("/q/");
            context.addHeadersEndHandler(done -> decorate(context.response().headers(), tool));
            context.next();
        });
    }

    static void decorate(MultiMap headers, boolean tool) {
        headers.set("X-Content-Type-Options", "nosniff");
        String type = headers.get("Content-Type");
        if (type == null || !type.regionMatches(true, 0, "text/html", 0, 9)) {
            return;
        }
        if (!headers.contains("Content-Security-Policy")) {
            // a page that sets its own policy (a stricter one, with its stylesheet's hash) keeps it
            headers.set("Content-Security-Policy", tool ? TOOL_POLICY : PAGE_POLICY);
        }
        headers.set("Referrer-Policy", "strict-origin-when-cross-origin");
        headers.set("X-Frame-Options", "DENY");
    }
}
