package dev.newsroom.feed.rest;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.newsroom.page.PageShell;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Every response says its type is final (nosniff); every HTML page also carries the pages' strict Content-Security-
 * Policy (no script at all, the one stylesheet by its hash, never framed) and sends only the origin to other sites.
 */
public class SecurityHeaders {

    static final String NOSNIFF_HEADER = "X-Content-Type-Options";
    static final String CSP_HEADER = "Content-Security-Policy";
    static final String REFERRER_POLICY_HEADER = "Referrer-Policy";
    static final String REFERRER_POLICY = "strict-origin-when-cross-origin";

    @ServerResponseFilter
    public void addHeaders(ContainerResponseContext response) {
        response.getHeaders().putSingle(NOSNIFF_HEADER, "nosniff");
        Object type = response.getHeaders().getFirst(HttpHeaders.CONTENT_TYPE);
        String mediaType = type == null ? String.valueOf(response.getMediaType()) : type.toString();
        if (mediaType.startsWith("text/html")) {
            response.getHeaders().putSingle(CSP_HEADER, PageShell.CONTENT_SECURITY_POLICY);
            response.getHeaders().putSingle(REFERRER_POLICY_HEADER, REFERRER_POLICY);
        }
    }
}
