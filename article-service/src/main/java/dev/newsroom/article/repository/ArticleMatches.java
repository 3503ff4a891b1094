package dev.newsroom.article.repository;

import java.util.List;

import dev.newsroom.article.Article;

/** The articles of one page of the list, in order, and how many match in all. */
public record ArticleMatches(List<Article> items, long total) {
}
