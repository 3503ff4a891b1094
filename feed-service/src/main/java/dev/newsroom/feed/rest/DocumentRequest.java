package dev.newsroom.feed.rest;

import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;

/** The request headers a feed or a page is answered by: who asks (Accept), which coding, and the copy it holds. */
public record DocumentRequest(@HeaderParam(HttpHeaders.ACCEPT) String accept,
        @HeaderParam(HttpHeaders.ACCEPT_ENCODING) String acceptEncoding,
        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
        @HeaderParam(HttpHeaders.IF_MODIFIED_SINCE) String ifModifiedSince) {
}
