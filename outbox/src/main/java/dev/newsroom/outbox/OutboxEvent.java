package dev.newsroom.outbox;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An event waiting to be relayed, written in the same transaction as the change it reports. The
 * sequence orders events; per aggregate it is also the commit order, because changes to one
 * aggregate are serialized by its row version. Its columns are named here, not by the naming strategy of
 * the service it is part of, so the table it maps does not depend on that service's configuration.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long sequence;

    @Column(name = "event_id", nullable = false, unique = true)
    public UUID eventId;

    @Column(name = "aggregate_id", nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** W3C trace context of the change that wrote the event ({@code null} while tracing is off). */
    public String traceparent;
}
