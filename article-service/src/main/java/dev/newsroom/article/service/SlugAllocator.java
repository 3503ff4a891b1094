package dev.newsroom.article.service;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import lombok.RequiredArgsConstructor;

import org.hibernate.exception.ConstraintViolationException;

import dev.newsroom.article.Article;
import dev.newsroom.article.RevisionContent;
import dev.newsroom.article.content.Slugs;
import dev.newsroom.article.repository.ArticleRepository;
import dev.newsroom.problem.Refusal;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Gives each article a unique slug: the editor's choice when it is free, else the first free one derived from the
 * headline. Saves deriving from the same headline take turns (a transaction-scoped advisory lock), and a save that
 * still loses a race to the unique index is retried with the next free slug.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class SlugAllocator {

    /** Two saves may derive the same slug at once; the loser's transaction is retried with the next free one. */
    private static final int ATTEMPTS = 5;
    private static final String UNIQUE_CONSTRAINT = "article_slug_key";

    private final ArticleRepository articles;

    /** The slug for a new article: the editor's choice, refused when taken, or else derived from the headline. */
    String forNew(RevisionContent content) {
        return content.slug() != null ? claim(content.slug(), null) : derive(content.headline());
    }

    /** The slug stays once published; before that it follows the editor's choice or else the headline. */
    String next(Article article, RevisionContent content) {
        if (article.wasEverPublished()) {
            if (content.slug() != null && !content.slug().equals(article.slug)) {
                throw Refusal.invalid("slug", "cannot change once the article has been published: links "
                        + "to it are out there (it stays \"" + article.slug + "\")");
            }
            return article.slug;
        }
        if (content.slug() != null) {
            return content.slug().equals(article.slug) ? article.slug : claim(content.slug(), article.id);
        }
        String base = Slugs.fromHeadline(content.headline());
        return isCandidateOf(article.slug, base) ? article.slug : derive(content.headline());
    }

    /** Whether no other article holds the slug. */
    boolean isFreeFor(String slug, UUID owner) {
        Article holder = articles.bySlug(slug);
        return holder == null || holder.id.equals(owner);
    }

    /**
     * Runs {@code work} in its own transaction. When another save took the same slug between our look-up and our
     * insert, the unique index refuses ours: a derived slug is then looked up again, an editor's own is reported.
     */
    <T> T withRetry(boolean derivedSlug, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (!isSlugConflict(e)) {
                    throw e;
                }
                if (!derivedSlug || attempt == ATTEMPTS) {
                    throw Refusal.invalid("slug", "was just taken by another article; choose another");
                }
            }
        }
    }

    /** The first free slug among {@code base}, {@code base-2}, {@code base-3}... of the headline. */
    private String derive(String headline) {
        String base = Slugs.fromHeadline(headline);
        // Saves deriving from the same base take turns until commit, so the second sees the first one's slug
        // instead of colliding with it; the retry in withRetry stays for a slug an editor chose meanwhile.
        articles.lockSlugBase(base);
        Set<String> taken = articles.slugsDerivedFrom(base);
        for (int n = 1; ; n++) {
            String candidate = Slugs.candidate(base, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private String claim(String slug, UUID owner) {
        if (!isFreeFor(slug, owner)) {
            throw Refusal.invalid("slug", "\"" + slug + "\" is already used by another article");
        }
        return slug;
    }

    private static boolean isCandidateOf(String slug, String base) {
        return slug.equals(base) || slug.startsWith(base + "-") && slug.substring(base.length() + 1).matches("[0-9]+");
    }

    private static boolean isSlugConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return UNIQUE_CONSTRAINT.equals(violation.getConstraintName());
            }
        }
        return false;
    }
}
