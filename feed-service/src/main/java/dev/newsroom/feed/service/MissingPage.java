package dev.newsroom.feed.service;

/** A page that is not there (unknown, not yet visible, past the last page) or no longer there (withdrawn). */
public class MissingPage extends RuntimeException {

    private final boolean withdrawn;

    private MissingPage(boolean withdrawn, String message) {
        super(message, null, false, false);
        this.withdrawn = withdrawn;
    }

    public static MissingPage unknown(String message) {
        return new MissingPage(false, message);
    }

    public static MissingPage withdrawn(String message) {
        return new MissingPage(true, message);
    }

    public boolean withdrawn() {
        return withdrawn;
    }
}
