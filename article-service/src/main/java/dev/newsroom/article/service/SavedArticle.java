package dev.newsroom.article.service;

import java.util.List;

import dev.newsroom.article.Article;

/** An article just saved, with what the sanitizer removed from its body, to tell the editor. */
public record SavedArticle(Article article, List<String> sanitizerRemoved) {

    SavedArticle(Article article) {
        this(article, List.of());
    }
}
