package dev.newsroom.article.rest;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import dev.newsroom.outbox.OutboxEvent;

/**
 * One event of an article as written to the outbox, for operators: its place in the order, its CloudEvents id and
 * type, when it happened, when the broker acknowledged it ({@code null}: not yet), and the data sent.
 */
public record ArticleEventView(long sequence, UUID eventId, String type, Instant occurredAt, Instant sentAt,
        @JsonRawValue String data) {

    static ArticleEventView of(OutboxEvent event) {
        return new ArticleEventView(event.sequence, event.eventId, event.type, event.occurredAt, event.sentAt,
                event.payload);
    }
}
