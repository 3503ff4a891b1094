package dev.newsroom.desk.history;

import java.util.List;

/** Two revisions side by side: each field's words as kept, added or removed. */
public record RevisionDiff(int from, int to, List<Part> headline, List<Part> summary, List<Part> body) {

    /**
     * Both picks are one revision: a keyboard user moving the "to" pick with the arrow keys lands on the "from" row
     * easily, and a page of unmarked text would read as "nothing changed".
     */
    public boolean sameRevision() {
        return from == to;
    }

    /** A run of words: {@code same}, {@code added} or {@code removed}. */
    public record Part(String kind, String text) {

        public boolean added() {
            return "added".equals(kind);
        }

        public boolean removed() {
            return "removed".equals(kind);
        }
    }
}
