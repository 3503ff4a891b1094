package dev.newsroom.feed.rest;

import java.util.function.BiConsumer;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.newsroom.page.PageShell;
import io.vertx.core.http.HttpHeaders;
import jakarta.ws.rs.container.ContainerResponseContext;

/**
 * Every response says its type is final (nosniff); every HTML page also carries the pages' strict Content-Security-
 * Policy (no script at all, the one stylesheet by its hash, never framed) and sends only the origin to other sites.
 */
public class SecurityHeaders {

    // names and values encoded once: the router writes them on every answer
    private static final CharSequence NOSNIFF_HEADER = HttpHeaders.createOptimized("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
    private static final CharSequence CSP_HEADER = HttpHeaders.createOptimized("Content-Security-Policy");
    private static final CharSequence CSP = HttpHeaders.createOptimized(PageShell.CONTENT_SECURITY_POLICY);
    private static final CharSequence REFERRER_POLICY_HEADER = HttpHeaders.createOptimized("Referrer-Policy");
    private static final CharSequence REFERRER_POLICY = HttpHeaders.createOptimized("strict-origin-when-cross-origin");

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        Object type = response.getHeaders().getFirst(jakarta.ws.rs.core.HttpHeaders.CONTENT_TYPE);
        write(type == null ? String.valueOf(response.getMediaType()) : type.toString(),
                (name, value) -> response.getHeaders().putSingle(name.toString(), value.toString()));
    }

    /** Writes the security headers of an answer of the given media type. */
    static void write(String mediaType, BiConsumer<CharSequence, CharSequence> header) {
        header.accept(NOSNIFF_HEADER, NOSNIFF);
        if (mediaType.startsWith("text/html")) {
            header.accept(CSP_HEADER, CSP);
            header.accept(REFERRER_POLICY_HEADER, REFERRER_POLICY);
        }
    }
}
