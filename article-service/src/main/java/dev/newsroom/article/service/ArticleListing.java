package dev.newsroom.article.service;

import java.util.List;

import dev.newsroom.article.Article;

/** One page of a listing and how many match in all. */
public record ArticleListing(List<Article> items, long total, int page, int size) {
}
