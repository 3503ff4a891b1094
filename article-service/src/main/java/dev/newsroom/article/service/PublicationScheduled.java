package dev.newsroom.article.service;

import java.time.Instant;
import java.util.UUID;

/** A publication was scheduled: tells the timer, once the transaction commits, that it may have to fire earlier. */
public record PublicationScheduled(UUID articleId, Instant at) {
}
