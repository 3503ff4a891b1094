package dev.newsroom.media.rest;

import java.util.Optional;

import dev.newsroom.media.config.MediaConfig;
import dev.newsroom.problem.OversizedRequestAdvice;
import dev.newsroom.problem.OversizedRequests;
import dev.newsroom.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;

import lombok.RequiredArgsConstructor;

/** An upload over the request limit is an image too large: name the field "file", as the image checks do. */
@RequiredArgsConstructor
@ApplicationScoped
public class UploadSizeAdvice implements OversizedRequestAdvice {

    private final MediaConfig config;

    @Override
    public Optional<Problem.FieldError> fieldError(String method, String path, String size) {
        if (!method.equals("POST") || !path.equals("/api/media")) {
            return Optional.empty();
        }
        return Optional.of(new Problem.FieldError("file", "The upload has " + size + "; images of up to "
                + OversizedRequests.megabytes(config.maxBytes()) + " are accepted. Save it with more compression or "
                + "fewer pixels."));
    }
}
