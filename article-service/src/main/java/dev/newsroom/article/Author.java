package dev.newsroom.article;

/** A by-line on an article. */
public record Author(String name) {
}
