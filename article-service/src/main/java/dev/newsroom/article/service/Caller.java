package dev.newsroom.article.service;

/**
 * Who asks: the name recorded with each revision, and whether they hold the editor role (publish, schedule,
 * unpublish, and change what readers see or will see).
 */
public record Caller(String name, boolean editor) {
}
