package dev.newsroom.local;

/** A local part (Kafka, PostgreSQL) could not be started or stopped; the message says which and why. */
public class InfrastructureException extends RuntimeException {

    public InfrastructureException(String message) {
        super(message);
    }
}
