package dev.newsroom.article.rest;

import java.time.Instant;

/** Publish now (no {@code at}) or at a later instant; {@code embargoUntil} holds it back from readers until then. */
public record PublishRequest(Instant at) {
}
