package dev.newsroom.problem;

import java.util.List;

/**
 * A request the domain refuses, said in the domain's terms: services throw it, and {@link ProblemMappers} alone decides
 * which HTTP status and title each reason gets.
 */
public final class Refusal extends RuntimeException {

    /** Why the request is refused. */
    public enum Reason {
        /** The resource asked for does not exist. */
        NOT_FOUND,
        /** Fields of the request break the domain's rules; {@link #errors()} names each. */
        INVALID,
        /** The caller's role or ownership does not allow the change. */
        NOT_PERMITTED,
        /** The resource's state does not allow the change. */
        WRONG_STATE,
        /** The version sent in the body is no longer current. */
        STALE_VERSION,
        /** The version the request is conditional on (If-Match) is no longer current. */
        FAILED_CONDITION,
        /** A change that must name the version it was made on named none. */
        MISSING_CONDITION,
        /** The request holds more than the domain accepts. */
        TOO_LARGE,
        /** The content is of a type the domain does not take (an upload that is no image it reads). */
        UNSUPPORTED_TYPE,
        /** Well-formed, but the domain cannot act on it (an image it cannot read, an asset that was deleted). */
        UNPROCESSABLE,
        /** The service cannot decide now (it is stopping); the same request may succeed later. */
        UNAVAILABLE
    }

    private final Reason reason;
    private final List<Problem.FieldError> errors;

    private Refusal(Reason reason, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.reason = reason;
        this.errors = List.copyOf(errors);
    }

    /** A refusal that names no field: the reason, and a sentence for the caller. */
    public static Refusal of(Reason reason, String detail) {
        return new Refusal(reason, detail, List.of());
    }

    public static Refusal notFound(String what) {
        return new Refusal(Reason.NOT_FOUND, what + " does not exist", List.of());
    }

    public static Refusal invalid(List<Problem.FieldError> errors) {
        String detail = errors.size() == 1
                ? errors.get(0).field() + ": " + errors.get(0).reason()
                : errors.size() + " fields are invalid";
        return new Refusal(Reason.INVALID, detail, errors);
    }

    public static Refusal invalid(String field, String reason) {
        return invalid(List.of(new Problem.FieldError(field, reason)));
    }

    /** Invalid as a whole, not in one field (e.g. not a JSON object). */
    public static Refusal malformed(String detail) {
        return new Refusal(Reason.INVALID, detail, List.of());
    }

    /** {@code detail} says what is too large and by how much; it is also the reason given for {@code field}. */
    public static Refusal tooLarge(String field, String detail) {
        return new Refusal(Reason.TOO_LARGE, detail, List.of(new Problem.FieldError(field, detail)));
    }

    public static Refusal unsupportedType(String field, String detail) {
        return new Refusal(Reason.UNSUPPORTED_TYPE, detail, List.of(new Problem.FieldError(field, detail)));
    }

    public static Refusal unprocessable(String field, String detail) {
        return new Refusal(Reason.UNPROCESSABLE, detail, List.of(new Problem.FieldError(field, detail)));
    }

    public Reason reason() {
        return reason;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
