package dev.newsroom.article.rest;

/** Why an article is taken down; kept with the article and sent with the event. */
public record UnpublishRequest(String reason) {
}
