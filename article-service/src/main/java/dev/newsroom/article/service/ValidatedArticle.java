package dev.newsroom.article.service;

import java.time.Instant;
import java.util.List;

import dev.newsroom.article.Article;
import dev.newsroom.article.Author;
import dev.newsroom.article.LeadImage;
import dev.newsroom.article.RelatedLink;

/** Editable fields that passed validation, normalized and sanitized, ready to apply to an article. */
record ValidatedArticle(
        String slug,
        String headline,
        String summary,
        String body,
        String section,
        List<String> tags,
        List<Author> authors,
        String language,
        LeadImage leadImage,
        List<RelatedLink> related,
        String correction,
        Instant embargoUntil,
        List<String> sanitizerRemoved) {

    void applyTo(Article article) {
        article.headline = headline;
        article.summary = summary;
        article.body = body;
        article.section = section;
        article.tags = tags;
        article.authors = authors;
        article.language = language;
        article.leadImage = leadImage;
        article.related = related;
        article.correction = correction;
        article.embargoUntil = embargoUntil;
    }
}
