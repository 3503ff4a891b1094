package dev.newsroom.article.content;

/**
 * Why a piece of text cannot be accepted.
 *
 * @param field  the field as the client named it, e.g. {@code headline} or {@code tags[2]}
 * @param reason what is wrong, written to follow the field name ("is required", "contains ...")
 */
public record TextProblem(String field, String reason) {
}
