package dev.newsroom.feed.service;

/** A page that is not there (404: unknown, not yet visible, past the last page) or no longer there (410: withdrawn). */
public class MissingPage extends RuntimeException {

    private final int status;

    public MissingPage(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
