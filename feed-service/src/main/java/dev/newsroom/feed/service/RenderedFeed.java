package dev.newsroom.feed.service;

import java.time.Instant;

/** A feed document ready to serve, with its validators and how long it stays true. */
public record RenderedFeed(byte[] body, String mediaType, String etag, Instant lastModified, Instant expires) {
}
