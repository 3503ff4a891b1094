package dev.newsroom.article;

/**
 * What the story list is narrowed to; a {@code null} field does not narrow it. {@code text} is a web-search query
 * ("quoted phrase", -excluded, or), matched in each article's own language.
 */
public record ArticleFilter(ArticleStatus status, String section, String author, String text) {
}
