package dev.newsroom.desk.history;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One saved revision in the story's history list. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RevisionLine(int revision, String savedBy, Instant savedAt, String action, String headline,
        String status) {
}
