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
 * aggregate are serialized by its row version.
 */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long sequence;

    @Column(nullable = false, unique = true)
    public UUID eventId;

    @Column(nullable = false)
    public String aggregateId;

    @Column(nullable = false)
    public String type;

    @Column(nullable = false, columnDefinition = "text")
    public String payload;

    @Column(nullable = false)
    public Instant occurredAt;

    public Instant sentAt;

    /** W3C trace context of the change that wrote the event ({@code null} while tracing is off). */
    public String traceparent;
}
