package dev.newsroom.feed.repository;

import java.util.List;
import java.util.UUID;

/** Where an article is listed: its section feed and its tag feeds. */
public record Placement(UUID id, String section, List<String> tags) {
}
