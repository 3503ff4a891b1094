-- The outbox of every service that publishes events: rows written in the transaction that made the
-- change, sent to Kafka by OutboxRelay and marked sent once the broker acknowledged them.
CREATE TABLE outbox_event (
    sequence     bigserial PRIMARY KEY,
    event_id     uuid         NOT NULL UNIQUE,
    aggregate_id varchar(64)  NOT NULL,
    type         varchar(80)  NOT NULL,
    payload      text         NOT NULL,
    occurred_at  timestamptz  NOT NULL,
    sent_at      timestamptz
);
CREATE INDEX outbox_event_unsent ON outbox_event (sequence) WHERE sent_at IS NULL;
CREATE INDEX outbox_event_aggregate ON outbox_event (aggregate_id, sequence);
