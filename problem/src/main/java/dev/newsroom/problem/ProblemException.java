package dev.newsroom.problem;

import java.util.List;

/** Thrown by services to answer with a problem document; resources need not catch it. */
public class ProblemException extends RuntimeException {

    /** The title of every 413, whichever check found the content too large (RFC 9110's name for the status). */
    public static final String CONTENT_TOO_LARGE = "Content too large";

    private final int status;
    private final String title;
    private final List<Problem.FieldError> errors;

    public ProblemException(int status, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    public ProblemException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public static ProblemException invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new ProblemException(400, "Invalid request", detail, errors);
    }

    public static ProblemException invalid(String field, String reason) {
        return invalid(List.of(new Problem.FieldError(field, reason)));
    }

    public static ProblemException tooLarge(String detail, List<Problem.FieldError> errors) {
        return new ProblemException(413, CONTENT_TOO_LARGE, detail, errors);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(404, "Not found", what + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(409, "Conflict", detail);
    }

    public Problem toProblem() {
        return new Problem("about:blank", title, status, getMessage(), errors);
    }

    public int status() {
        return status;
    }
}
