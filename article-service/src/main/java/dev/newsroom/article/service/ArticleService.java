package dev.newsroom.article.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import org.hibernate.exception.ConstraintViolationException;

import dev.newsroom.article.Article;
import dev.newsroom.article.ArticleRevision;
import dev.newsroom.article.ArticleStatus;
import dev.newsroom.article.RevisionContent;
import dev.newsroom.article.content.Slugs;
import dev.newsroom.article.event.ArticleEventMapper;
import dev.newsroom.article.repository.ArticleFilter;
import dev.newsroom.article.repository.ArticleRepository;
import dev.newsroom.events.ArticleEventType;
import dev.newsroom.outbox.Outbox;
import dev.newsroom.outbox.OutboxEvent;
import dev.newsroom.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/**
 * The editorial workflow: every save is a revision, and every change readers can see an outbox event written in
 * the same transaction. Checking and sanitizing happen before the transaction, so a large body never holds a
 * connection or a row lock while it is cleaned.
 */
@ApplicationScoped
public class ArticleService {

    private static final int DUE_BATCH = 100;
    /** Two saves may derive the same slug at once; the loser's transaction is retried with the next free one. */
    private static final int SLUG_ATTEMPTS = 5;
    private static final String SLUG_CONSTRAINT = "article_slug_key";

    private final ArticleRepository articles;
    private final ArticleValidator validator;
    private final MediaCatalog media;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<PublicationScheduled> scheduled;

    public ArticleService(ArticleRepository articles, ArticleValidator validator, MediaCatalog media, Outbox outbox,
            Clock clock, Event<PublicationScheduled> scheduled) {
        this.articles = articles;
        this.validator = validator;
        this.media = media;
        this.outbox = outbox;
        this.clock = clock;
        this.scheduled = scheduled;
    }

    public SavedArticle create(ArticleInput input, Caller caller) {
        ValidatedArticle valid = validator.validate(input, true);
        requireUsableLeadImage(valid);
        return withSlugRetry(valid.slug() == null, () -> {
            Article article = new Article();
            article.id = UUID.randomUUID();
            article.status = ArticleStatus.DRAFT;
            article.createdAt = clock.instant();
            article.createdBy = caller.name();
            article.slug = valid.slug() != null ? claimSlug(valid.slug(), null) : deriveSlug(valid.headline());
            valid.applyTo(article);
            save(article, caller.name(), "created");
            articles.flush();
            return new SavedArticle(article, valid.sanitizerRemoved());
        });
    }

    @Transactional
    public Article get(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /** One page of the story list and how many stories match in all; see {@link ArticleRepository#page}. */
    @Transactional
    public ArticlePage list(ArticleFilter filter, int page, int size) {
        return new ArticlePage(articles.page(filter, page, size), articles.count(filter), page, size);
    }

    /**
     * Replaces the editable fields. {@code ifMatchVersion} comes from If-Match (stale: 412) and {@code input.version()}
     * from the body (stale: 409); one of them is required (428). Saving a published article republishes it as an
     * update; its first publication time stays.
     */
    public SavedArticle replace(UUID id, ArticleInput input, Long ifMatchVersion, Caller caller) {
        Long bodyVersion = input == null ? null : input.version();
        if (ifMatchVersion == null && bodyVersion == null) {
            throw new ProblemException(428, "Precondition required",
                    "send If-Match with the ETag you read the article with (or its version in the body), "
                            + "so that nobody's edit is overwritten unseen");
        }
        ValidatedArticle valid = validator.validate(input, false);
        requireUsableLeadImage(valid);
        return withSlugRetry(valid.slug() == null, () -> {
            Article article = lockedForUpdate(id);
            requireMayChange(article, caller);
            requireVersion(article, ifMatchVersion, bodyVersion);
            return apply(article, valid, caller, "edited");
        });
    }

    /**
     * Makes an old revision's content current again, as a new revision; a published article is republished. Its slug
     * once published, and its embargo, stay as they are.
     */
    public SavedArticle restore(UUID id, int number, Long ifMatchVersion, Caller caller) {
        RevisionContent content = revision(id, number).content;
        ValidatedArticle valid = validator.validate(ArticleInput.of(content), false);
        requireUsableLeadImage(valid);
        return withSlugRetry(true, () -> {
            Article article = lockedForUpdate(id);
            requireMayChange(article, caller);
            if (ifMatchVersion != null) {
                requireVersion(article, ifMatchVersion, null);
            }
            boolean slugFree = valid.slug() != null && isFreeFor(valid.slug(), article.id);
            return apply(article, valid.restoredOnto(article, slugFree), caller, "restored revision " + number);
        });
    }

    /** Publishes now, or schedules when {@code at} or the article's embargo lies in the future. */
    public Article publish(UUID id, Instant at, Caller caller) {
        Article current = get(id);
        if (current.leadImage != null && current.status != ArticleStatus.PUBLISHED) {
            media.requireUsable(current.leadImage.mediaId());
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = lockedForUpdate(id);
            Instant now = clock.instant();
            Instant due = latest(at, article.embargoUntil);
            switch (article.status) {
                case PUBLISHED -> {
                    if (at != null && at.isAfter(now)) {
                        throw ProblemException.conflict("the article is already published; unpublish it first to "
                                + "schedule it for later");
                    }
                    return article; // publishing twice (a retried request) changes nothing
                }
                case SCHEDULED -> {
                    if (due != null && due.equals(article.scheduledAt)) {
                        return article;
                    }
                    // An embargoed or scheduled article must never come out early, whoever presses publish.
                    throw ProblemException.conflict("the article is scheduled for " + article.scheduledAt
                            + "; to publish at another time, cancel the schedule (POST .../unpublish) and publish again");
                }
                default -> {
                    if (due != null && due.isAfter(now)) {
                        article.status = ArticleStatus.SCHEDULED;
                        article.scheduledAt = due;
                        save(article, caller.name(), "scheduled");
                        scheduled.fire(new PublicationScheduled(article.id, due));
                    } else {
                        publishNow(article, caller.name(), now);
                    }
                    articles.flush();
                    return article;
                }
            }
        });
    }

    /** Takes a published article down (a reason is required), or cancels a scheduled publication. */
    public Article unpublish(UUID id, String reason, Caller caller) {
        String why = validator.reason(reason);
        return QuarkusTransaction.requiringNew().call(() -> {
            Article article = lockedForUpdate(id);
            switch (article.status) {
                case PUBLISHED -> {
                    if (why == null) {
                        throw ProblemException.invalid("reason", "is required: say why the article is taken down");
                    }
                    article.status = ArticleStatus.UNPUBLISHED;
                    article.unpublishReason = why;
                    save(article, caller.name(), "unpublished");
                    emit(article, ArticleEventType.UNPUBLISHED);
                }
                case SCHEDULED -> {
                    article.status = article.wasEverPublished() ? ArticleStatus.UNPUBLISHED : ArticleStatus.DRAFT;
                    article.scheduledAt = null;
                    save(article, caller.name(), "schedule cancelled");
                }
                default -> throw ProblemException.conflict("only a published or scheduled article can be "
                        + "unpublished; this one is " + article.status);
            }
            articles.flush();
            return article;
        });
    }

    /** Deletes a draft that never reached readers; anything that did is unpublished instead, and kept. */
    @Transactional
    public void delete(UUID id) {
        Article article = lockedForUpdate(id);
        if (article.wasEverPublished() || article.status != ArticleStatus.DRAFT) {
            throw ProblemException.conflict("only a draft that was never published can be deleted; this one is "
                    + article.status + (article.wasEverPublished() ? " and was published" : "")
                    + ": unpublish it instead");
        }
        ArticleRevision.delete("articleId", id);
        articles.delete(article);
    }

    @Transactional
    public List<ArticleRevision> revisions(UUID id) {
        get(id);
        return ArticleRevision.list("articleId = ?1 order by revision desc", id);
    }

    @Transactional
    public ArticleRevision revision(UUID id, int number) {
        get(id);
        return ArticleRevision.<ArticleRevision>find("articleId = ?1 and revision = ?2", id, number)
                .firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("revision " + number + " of article " + id));
    }

    /** The events written for one article, in the order they were (or will be) sent: for operators. */
    public List<OutboxEvent> events(UUID id) {
        get(id);
        return outbox.history(id.toString());
    }

    /**
     * Publishes every scheduled article whose time has come, at most a batch per call; returns how many. Rows locked
     * by another replica are skipped, and a row's status is read under its lock, so each fires exactly once.
     */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        List<Article> due = articles.getEntityManager()
                .createQuery("from Article where status = :status and scheduledAt <= :now"
                        + " and (embargoUntil is null or embargoUntil <= :now) order by scheduledAt", Article.class)
                .setParameter("status", ArticleStatus.SCHEDULED)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another replica has it
                .setMaxResults(DUE_BATCH)
                .getResultList();
        due.forEach(article -> publishNow(article, "scheduler", now));
        return due.size();
    }

    /** When the next scheduled publication is due, or {@code null} when none is scheduled. */
    @Transactional
    public Instant nextDue() {
        return articles.getEntityManager()
                .createQuery("select min(scheduledAt) from Article where status = :status", Instant.class)
                .setParameter("status", ArticleStatus.SCHEDULED)
                .getSingleResult();
    }

    private SavedArticle apply(Article article, ValidatedArticle valid, Caller caller, String action) {
        article.slug = nextSlug(article, valid);
        Instant now = clock.instant();
        if (article.status == ArticleStatus.PUBLISHED && valid.embargoUntil() != null
                && valid.embargoUntil().isAfter(now)) {
            throw ProblemException.conflict("the article is already published, so an embargo cannot hold it back; "
                    + "unpublish it first, or leave embargoUntil out");
        }
        valid.applyTo(article);
        if (article.status == ArticleStatus.SCHEDULED && valid.embargoUntil() != null
                && valid.embargoUntil().isAfter(article.scheduledAt)) {
            article.scheduledAt = valid.embargoUntil(); // a later embargo moves the schedule; an earlier one never does
        }
        save(article, caller.name(), action);
        if (article.status == ArticleStatus.PUBLISHED) {
            emit(article, ArticleEventType.UPDATED);
        }
        articles.flush();
        return new SavedArticle(article, valid.sanitizerRemoved());
    }

    /** The slug stays once published; before that it follows the editor's choice or else the headline. */
    private String nextSlug(Article article, ValidatedArticle valid) {
        if (article.wasEverPublished()) {
            if (valid.slug() != null && !valid.slug().equals(article.slug)) {
                throw ProblemException.invalid("slug", "cannot change once the article has been published: links "
                        + "to it are out there (it stays \"" + article.slug + "\")");
            }
            return article.slug;
        }
        if (valid.slug() != null) {
            return valid.slug().equals(article.slug) ? article.slug : claimSlug(valid.slug(), article.id);
        }
        String base = Slugs.fromHeadline(valid.headline());
        return isCandidateOf(article.slug, base) ? article.slug : deriveSlug(valid.headline());
    }

    private static boolean isCandidateOf(String slug, String base) {
        return slug.equals(base) || slug.startsWith(base + "-") && slug.substring(base.length() + 1).matches("[0-9]+");
    }

    private void requireUsableLeadImage(ValidatedArticle valid) {
        if (valid.leadImage() != null) {
            media.requireUsable(valid.leadImage().mediaId());
        }
    }

    /** Writers work on drafts; what readers see, or are scheduled to see, is an editor's to change. */
    private static void requireMayChange(Article article, Caller caller) {
        if (!caller.editor() && (article.status == ArticleStatus.PUBLISHED
                || article.status == ArticleStatus.SCHEDULED)) {
            throw new ProblemException(403, "Forbidden", "the article is " + article.status
                    + "; changing it changes what readers see, which needs the editor role");
        }
    }

    private static void requireVersion(Article article, Long ifMatchVersion, Long bodyVersion) {
        if (ifMatchVersion != null) {
            if (ifMatchVersion != article.version) {
                throw new ProblemException(412, "Precondition failed", "the article changed since version "
                        + ifMatchVersion + " (it is now " + article.version + "): reload it, apply your change "
                        + "again and send the new ETag");
            }
        } else if (bodyVersion != article.version) {
            throw new ProblemException(409, "Conflict", "the article changed since version " + bodyVersion
                    + " (it is now " + article.version + "): reload it and apply your change again");
        }
    }

    private void publishNow(Article article, String user, Instant now) {
        article.status = ArticleStatus.PUBLISHED;
        article.publishedAt = now;
        article.scheduledAt = null;
        article.unpublishReason = null;
        if (article.firstPublishedAt == null) {
            article.firstPublishedAt = now;
        }
        save(article, user, "published");
        emit(article, ArticleEventType.PUBLISHED);
    }

    private Article lockedForUpdate(UUID id) {
        return articles.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElseThrow(() -> notFound(id));
    }

    private void save(Article article, String user, String action) {
        article.revision++;
        article.updatedAt = clock.instant();
        article.updatedBy = user;
        articles.persist(article);
        ArticleRevision revision = new ArticleRevision();
        revision.articleId = article.id;
        revision.revision = article.revision;
        revision.savedBy = user;
        revision.savedAt = article.updatedAt;
        revision.action = action;
        revision.content = RevisionContent.of(article);
        revision.persist();
    }

    private void emit(Article article, ArticleEventType type) {
        outbox.append(article.id.toString(), type.cloudEventType(), ArticleEventMapper.toSnapshot(article),
                article.updatedAt);
    }

    /** The first free slug among {@code base}, {@code base-2}, {@code base-3}... of the headline. */
    private String deriveSlug(String headline) {
        String base = Slugs.fromHeadline(headline);
        // Saves deriving from the same base take turns until commit, so the second sees the first one's slug
        // instead of colliding with it; the retry in withSlugRetry stays for a slug an editor chose meanwhile.
        articles.getEntityManager()
                .createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:base))) locked")
                .setParameter("base", base)
                .getSingleResult();
        @SuppressWarnings("unchecked")
        Set<String> taken = new HashSet<String>(articles.getEntityManager()
                .createNativeQuery("select slug from article where slug = :base"
                        + " or (slug like :prefix and substr(slug, :suffixStart) ~ '^[0-9]+$')")
                .setParameter("base", base)
                .setParameter("prefix", base + "-%")
                .setParameter("suffixStart", base.length() + 2)
                .getResultList());
        for (int n = 1; ; n++) {
            String candidate = Slugs.candidate(base, n);
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }

    private boolean isFreeFor(String slug, UUID owner) {
        Article holder = articles.find("slug", slug).firstResult();
        return holder == null || holder.id.equals(owner);
    }

    private String claimSlug(String slug, UUID owner) {
        Article holder = articles.find("slug", slug).firstResult();
        if (holder != null && !holder.id.equals(owner)) {
            throw ProblemException.invalid("slug", "\"" + slug + "\" is already used by another article");
        }
        return slug;
    }

    /**
     * Runs {@code work} in its own transaction. When another save took the same slug between our look-up and our
     * insert, the unique index refuses ours: a derived slug is then looked up again, an editor's own is reported.
     */
    private <T> T withSlugRetry(boolean derivedSlug, Supplier<T> work) {
        for (int attempt = 1; ; attempt++) {
            try {
                return QuarkusTransaction.requiringNew().call(work::get);
            } catch (RuntimeException e) {
                if (!isSlugConflict(e)) {
                    throw e;
                }
                if (!derivedSlug || attempt == SLUG_ATTEMPTS) {
                    throw ProblemException.invalid("slug", "was just taken by another article; choose another");
                }
            }
        }
    }

    private static boolean isSlugConflict(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation) {
                return SLUG_CONSTRAINT.equals(violation.getConstraintName());
            }
        }
        return false;
    }

    private static ProblemException notFound(UUID id) {
        return ProblemException.notFound("article " + id);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
