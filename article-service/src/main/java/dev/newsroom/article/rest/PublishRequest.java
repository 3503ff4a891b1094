package dev.newsroom.article.rest;

import java.time.Instant;

/**
 * Publish now (no {@code at}) or at a later instant. An embargo set on the article holds it back until then either
 * way: the later of the two wins.
 */
public record PublishRequest(Instant at) {
}
