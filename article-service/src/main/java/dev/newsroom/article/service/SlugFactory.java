package dev.newsroom.article.service;

import java.text.Normalizer;

/** Interim slug rules until the content package's Slugs lands. */
final class SlugFactory {

    private SlugFactory() {
    }

    static String fromHeadline(String headline) {
        String ascii = Normalizer.normalize(headline, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? "article" : slug.length() > 80 ? slug.substring(0, 80) : slug;
    }

    static String candidate(String base, int n) {
        return n == 1 ? base : base + "-" + n;
    }
}
