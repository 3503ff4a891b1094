package dev.newsroom.article.rest;

import java.util.Optional;

import dev.newsroom.article.content.BodySanitizer;
import dev.newsroom.problem.OversizedRequestAdvice;
import dev.newsroom.problem.OversizedRequests;
import dev.newsroom.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

/** A request too large for article-service can only be too large because of its body: say how large one may be. */
@ApplicationScoped
public class ArticleSizeAdvice implements OversizedRequestAdvice {

    @Override
    public Optional<Problem.FieldError> fieldError(String method, String path, String size) {
        return Optional.of(new Problem.FieldError("body", "The request has " + size + "; an article body may have at most "
                + OversizedRequests.megabytes(BodySanitizer.MAX_BODY_BYTES) + " of text."));
    }
}
