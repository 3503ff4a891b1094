package dev.newsroom.desk.story;

import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.newsroom.desk.history.RevisionLine;

/**
 * Others' saves since the signed-in user's own last save of a story, as the editor warns of them on opening it: who
 * saved, the newest revision and when, and the user's own last revision to compare with.
 */
public record ChangedSince(String by, int latestRevision, Instant at, int yourRevision, Instant yourSavedAt) {

    /** From the story's revisions, newest first; empty when the user saved last or never saved it. */
    public static Optional<ChangedSince> of(List<RevisionLine> newestFirst, String user) {
        if (newestFirst.isEmpty() || user == null || user.equals(newestFirst.get(0).savedBy())) {
            return Optional.empty();
        }
        Set<String> others = new LinkedHashSet<>();
        for (RevisionLine line : newestFirst) {
            if (user.equals(line.savedBy())) {
                RevisionLine latest = newestFirst.get(0);
                return Optional.of(new ChangedSince(String.join(", ", others), latest.revision(), latest.savedAt(),
                        line.revision(), line.savedAt()));
            }
            others.add(line.savedBy() == null ? "someone" : line.savedBy());
        }
        return Optional.empty();
    }
}
