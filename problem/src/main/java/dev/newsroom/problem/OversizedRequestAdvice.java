package dev.newsroom.problem;

import java.util.Optional;

/** What a service tells the sender of a request over its body limit: the field to change and how. */
public interface OversizedRequestAdvice {

    /**
     * The field error for a too-large request, such as the upload's {@code file}, or empty for the general answer.
     *
     * @param size the request's size as people read it, "40.0 MB" or "more than 31.0 MB"
     */
    Optional<Problem.FieldError> fieldError(String method, String path, String size);
}
