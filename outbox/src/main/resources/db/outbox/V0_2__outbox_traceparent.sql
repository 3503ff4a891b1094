-- The W3C trace context (traceparent) of the change that wrote the event, so the relay's send, and the consumers
-- after it, continue the trace of the editor's request although they run later on another thread.
ALTER TABLE outbox_event ADD COLUMN traceparent varchar(55);
