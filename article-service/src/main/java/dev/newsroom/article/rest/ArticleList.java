package dev.newsroom.article.rest;

import java.util.List;

/** One page of articles. */
public record ArticleList(List<ArticleView> items, long total, int page, int size) {
}
