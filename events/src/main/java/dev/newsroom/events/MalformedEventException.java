package dev.newsroom.events;

/** An event that cannot be understood; it goes to the dead-letter topic with this message as the reason. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
