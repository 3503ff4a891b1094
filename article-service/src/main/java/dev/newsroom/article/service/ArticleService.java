package dev.newsroom.article.service;

import static dev.newsroom.problem.Refusal.Reason.FAILED_CONDITION;
import static dev.newsroom.problem.Refusal.Reason.MISSING_CONDITION;
import static dev.newsroom.problem.Refusal.Reason.NOT_PERMITTED;
import static dev.newsroom.problem.Refusal.Reason.STALE_VERSION;
import static dev.newsroom.problem.Refusal.Reason.WRONG_STATE;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import dev.newsroom.article.Article;
import dev.newsroom.article.ArticleRevision;
import dev.newsroom.article.ArticleStatus;
import dev.newsroom.article.RevisionContent;
import dev.newsroom.article.event.ArticleEventMapper;
import dev.newsroom.article.ArticleFilter;
import dev.newsroom.article.repository.ArticleMatches;
import dev.newsroom.article.repository.ArticleRepository;
import dev.newsroom.article.repository.ArticleRevisionRepository;
import dev.newsroom.events.ArticleEventType;
import dev.newsroom.outbox.Outbox;
import dev.newsroom.outbox.OutboxEvent;
import dev.newsroom.problem.Refusal;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * The editorial workflow: every save is a revision, and every change readers can see an outbox event written in
 * the same transaction. Checking and sanitizing happen before the transaction, so a large body never holds a
 * connection or a row lock while it is cleaned.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class ArticleService {

    private static final int DUE_BATCH = 100;

    private final ArticleRepository articles;
    private final ArticleRevisionRepository revisions;
    private final SlugAllocator slugs;
    private final ArticleValidator validator;
    private final MediaCatalog media;
    private final Outbox outbox;
    private final Clock clock;
    private final Event<PublicationScheduled> scheduled;
    private final ScheduleMonitor schedule;

    public SavedArticle create(ArticleInput input, Caller caller) {
        ValidatedArticle valid = validator.validate(input, true);
        requireUsableLeadImage(valid);
        return slugs.withRetry(valid.content().slug() == null, () -> {
            Article article = new Article();
            article.id = UUID.randomUUID();
            article.status = ArticleStatus.DRAFT;
            article.createdAt = clock.instant();
            article.createdBy = caller.name();
            article.slug = slugs.forNew(valid.content());
            valid.content().applyTo(article);
            save(article, caller.name(), "created");
            articles.flush();
            return new SavedArticle(article, valid.sanitizerRemoved());
        });
    }

    @Transactional
    public Article get(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> notFound(id));
    }

    /** One page of the story list and how many stories match in all; see {@link ArticleRepository#list}. */
    @Transactional
    public ArticleListing list(ArticleFilter filter, int page, int size) {
        ArticleMatches found = articles.list(filter, page, size);
        return new ArticleListing(found.items(), found.total(), page, size);
    }

    /**
     * Replaces the editable fields. {@code ifMatchVersion} comes from If-Match (stale: 412) and {@code input.version()}
     * from the body (stale: 409); one of them is required (428). Saving a published article republishes it as an
     * update; its first publication time stays.
     */
    public SavedArticle replace(UUID id, ArticleInput input, Long ifMatchVersion, Caller caller) {
        Long bodyVersion = input == null ? null : input.version();
        if (ifMatchVersion == null && bodyVersion == null) {
            throw Refusal.of(MISSING_CONDITION, "send If-Match with the ETag you read the article with "
                    + "(or its version in the body), so that nobody's edit is overwritten unseen");
        }
        ValidatedArticle valid = validator.validate(input, false);
        requireUsableLeadImage(valid);
        return slugs.withRetry(valid.content().slug() == null, () -> {
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
        return slugs.withRetry(true, () -> {
            Article article = lockedForUpdate(id);
            requireMayChange(article, caller);
            if (ifMatchVersion != null) {
                requireVersion(article, ifMatchVersion, null);
            }
            boolean slugFree = valid.content().slug() != null && slugs.isFreeFor(valid.content().slug(), article.id);
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
                        throw Refusal.of(WRONG_STATE, "the article is already published; unpublish it first to "
                                + "schedule it for later");
                    }
                    return article; // publishing twice (a retried request) changes nothing
                }
                case SCHEDULED -> {
                    if (due != null && due.equals(article.scheduledAt)) {
                        return article;
                    }
                    // An embargoed or scheduled article must never come out early, whoever presses publish.
                    throw Refusal.of(WRONG_STATE, "the article is scheduled for " + article.scheduledAt
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
                        throw Refusal.invalid("reason", "is required: say why the article is taken down");
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
                default -> throw Refusal.of(WRONG_STATE, "only a published or scheduled article can be "
                        + "unpublished; this one is " + article.status);
            }
            articles.flush();
            return article;
        });
    }

    /** Deletes a draft that never reached readers; anything that did is unpublished instead, and kept. */
    @Transactional
    public void delete(UUID id, Caller caller) {
        Article article = lockedForUpdate(id);
        if (!caller.editor() && !caller.name().equals(article.createdBy)) {
            throw Refusal.of(NOT_PERMITTED, "only the writer who created a draft or an editor may delete it");
        }
        if (article.wasEverPublished() || article.status != ArticleStatus.DRAFT) {
            throw Refusal.of(WRONG_STATE, "only a draft that was never published can be deleted; this one is "
                    + article.status + (article.wasEverPublished() ? " and was published" : "")
                    + ": unpublish it instead");
        }
        revisions.deleteAllOf(id);
        articles.delete(article);
    }

    @Transactional
    public List<ArticleRevision> revisions(UUID id) {
        get(id);
        return revisions.history(id);
    }

    @Transactional
    public ArticleRevision revision(UUID id, int number) {
        get(id);
        return revisions.revision(id, number)
                .orElseThrow(() -> Refusal.notFound("revision " + number + " of article " + id));
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
        List<Article> due = articles.dueForPublication(now, DUE_BATCH);
        due.forEach(article -> {
            schedule.fired(article.id.toString(), article.scheduledAt, now);
            publishNow(article, "scheduler", now);
        });
        return due.size();
    }

    /** When the next scheduled publication is due, or {@code null} when none is scheduled. */
    @Transactional
    public Instant nextDue() {
        return articles.nextScheduledAt();
    }

    private SavedArticle apply(Article article, ValidatedArticle valid, Caller caller, String action) {
        RevisionContent content = valid.content();
        article.slug = slugs.next(article, content);
        Instant now = clock.instant();
        if (article.status == ArticleStatus.PUBLISHED && content.embargoUntil() != null
                && content.embargoUntil().isAfter(now)) {
            throw Refusal.of(WRONG_STATE, "the article is already published, so an embargo cannot hold it back; "
                    + "unpublish it first, or leave embargoUntil out");
        }
        content.applyTo(article);
        if (article.status == ArticleStatus.SCHEDULED && content.embargoUntil() != null
                && content.embargoUntil().isAfter(article.scheduledAt)) {
            // a later embargo moves the schedule; an earlier one never does
            article.scheduledAt = content.embargoUntil();
        }
        save(article, caller.name(), action);
        if (article.status == ArticleStatus.PUBLISHED) {
            emit(article, ArticleEventType.UPDATED);
        }
        articles.flush();
        return new SavedArticle(article, valid.sanitizerRemoved());
    }

    private void requireUsableLeadImage(ValidatedArticle valid) {
        if (valid.content().leadImage() != null) {
            media.requireUsable(valid.content().leadImage().mediaId());
        }
    }

    /** Writers work on drafts; what readers see, or are scheduled to see, is an editor's to change. */
    private static void requireMayChange(Article article, Caller caller) {
        if (!caller.editor() && (article.status == ArticleStatus.PUBLISHED
                || article.status == ArticleStatus.SCHEDULED)) {
            throw Refusal.of(NOT_PERMITTED, "the article is " + article.status
                    + "; changing it changes what readers see, which needs the editor role");
        }
    }

    private static void requireVersion(Article article, Long ifMatchVersion, Long bodyVersion) {
        if (ifMatchVersion != null) {
            if (ifMatchVersion != article.version) {
                throw Refusal.of(FAILED_CONDITION, "the article changed since version "
                        + ifMatchVersion + " (it is now " + article.version + "): reload it, apply your change "
                        + "again and send the new ETag");
            }
        } else if (bodyVersion != article.version) {
            throw Refusal.of(STALE_VERSION, "the article changed since version " + bodyVersion
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
        revisions.persist(revision);
    }

    private void emit(Article article, ArticleEventType type) {
        outbox.append(article.id.toString(), type.cloudEventType(), ArticleEventMapper.toSnapshot(article),
                article.updatedAt);
        Log.infof("article %s: %s, revision %d", article.id, type.cloudEventType(), article.revision);
    }

    private static Refusal notFound(UUID id) {
        return Refusal.notFound("article " + id);
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
