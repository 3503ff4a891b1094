package dev.newsroom.events;

import java.util.UUID;

/** The full state of one aggregate at one revision: the id orders its events, the revision drops older ones. */
public interface AggregateSnapshot {

    UUID id();

    long revision();
}
