package dev.newsroom.article;

/** A "Read also" link. */
public record RelatedLink(String title, String url) {
}
