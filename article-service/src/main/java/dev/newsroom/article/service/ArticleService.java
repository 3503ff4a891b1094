package dev.newsroom.article.service;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.newsroom.article.Article;
import dev.newsroom.article.ArticleRevision;
import dev.newsroom.article.ArticleStatus;
import dev.newsroom.article.RevisionContent;
import dev.newsroom.article.event.ArticleEventMapper;
import dev.newsroom.article.repository.ArticleRepository;
import dev.newsroom.article.rest.ArticleInput;
import dev.newsroom.events.ArticleEventType;
import dev.newsroom.outbox.Outbox;
import dev.newsroom.problem.ProblemException;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

/** The editorial workflow: every change is a saved revision, and every visible change an outbox event. */
@ApplicationScoped
public class ArticleService {

    private final ArticleRepository articles;
    private final ArticleValidator validator;
    private final Outbox outbox;
    private final Clock clock;

    public ArticleService(ArticleRepository articles, ArticleValidator validator, Outbox outbox, Clock clock) {
        this.articles = articles;
        this.validator = validator;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Transactional
    public SavedArticle create(ArticleInput input, String user) {
        ValidatedArticle valid = validator.validate(input, null);
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.status = ArticleStatus.DRAFT;
        article.createdAt = clock.instant();
        article.createdBy = user;
        article.slug = valid.slug() != null ? requireFreeSlug(valid.slug(), null) : uniqueSlug(valid.headline());
        valid.applyTo(article);
        save(article, user, "created");
        return new SavedArticle(article, valid.sanitizerRemoved());
    }

    @Transactional
    public Article get(UUID id) {
        return articles.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("article " + id));
    }

    @Transactional
    public ArticlePage list(ArticleStatus status, String section, String text, int page, int size) {
        StringBuilder query = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (status != null) {
            query.append(" and status = :status");
            parameters.put("status", status);
        }
        if (section != null && !section.isBlank()) {
            query.append(" and section = :section");
            parameters.put("section", section.trim());
        }
        if (text != null && !text.isBlank()) {
            query.append(" and lower(headline) like :text");
            parameters.put("text", "%" + text.trim().toLowerCase().replace("%", "\\%").replace("_", "\\_") + "%");
        }
        var found = articles.find(query.toString(), Sort.descending("updatedAt").and("id"), parameters);
        List<Article> items = found.page(Page.of(page, size)).list();
        return new ArticlePage(items, found.count(), page, size);
    }

    /**
     * Replaces the editable fields. {@code expectedVersion} comes from If-Match (stale: 412) and
     * {@code input.version()} from the body (stale: 409); one of them is required (428).
     */
    @Transactional
    public SavedArticle replace(UUID id, ArticleInput input, Long ifMatchVersion, String user) {
        Article article = lockedForUpdate(id);
        if (ifMatchVersion != null) {
            if (ifMatchVersion != article.version) {
                throw new ProblemException(412, "Precondition failed", "the article was changed since version "
                        + ifMatchVersion + " (now " + article.version + "): reload it and apply your change again");
            }
        } else if (input.version() != null) {
            if (input.version() != article.version) {
                throw new ProblemException(409, "Conflict", "the article was changed since version "
                        + input.version() + " (now " + article.version + "): reload it and apply your change again");
            }
        } else {
            throw new ProblemException(428, "Precondition required",
                    "send If-Match with the article's ETag, or its version in the body, so no edit is lost");
        }
        ValidatedArticle valid = validator.validate(input, article);
        if (valid.slug() != null && !valid.slug().equals(article.slug)) {
            if (article.wasEverPublished()) {
                throw ProblemException.invalid("slug", "cannot change once the article has been published");
            }
            article.slug = requireFreeSlug(valid.slug(), article.id);
        }
        valid.applyTo(article);
        save(article, user, "edited");
        if (article.status == ArticleStatus.PUBLISHED) {
            emit(article, ArticleEventType.UPDATED);
        }
        return new SavedArticle(article, valid.sanitizerRemoved());
    }

    /** Publishes now, or schedules when {@code at} (or the embargo) lies in the future. */
    @Transactional
    public Article publish(UUID id, Instant at, String user) {
        Article article = lockedForUpdate(id);
        Instant now = clock.instant();
        Instant due = latest(at, article.embargoUntil);
        if (due != null && due.isAfter(now)) {
            article.status = ArticleStatus.SCHEDULED;
            article.scheduledAt = due;
            save(article, user, "scheduled");
            return article;
        }
        if (article.status == ArticleStatus.PUBLISHED) {
            return article;
        }
        publishNow(article, user, now);
        return article;
    }

    @Transactional
    public Article unpublish(UUID id, String reason, String user) {
        Article article = lockedForUpdate(id);
        if (reason == null || reason.isBlank()) {
            throw ProblemException.invalid("reason", "say why the article is taken down");
        }
        switch (article.status) {
            case PUBLISHED -> {
                article.status = ArticleStatus.UNPUBLISHED;
                article.unpublishReason = reason.strip();
                save(article, user, "unpublished");
                emit(article, ArticleEventType.UNPUBLISHED);
            }
            case SCHEDULED -> {
                article.status = article.wasEverPublished() ? ArticleStatus.UNPUBLISHED : ArticleStatus.DRAFT;
                article.scheduledAt = null;
                save(article, user, "schedule-cancelled");
            }
            default -> throw ProblemException.conflict("only a published or scheduled article can be unpublished; "
                    + "this one is " + article.status);
        }
        return article;
    }

    @Transactional
    public void delete(UUID id) {
        Article article = lockedForUpdate(id);
        if (article.wasEverPublished() || article.status != ArticleStatus.DRAFT) {
            throw ProblemException.conflict("only a draft that was never published can be deleted; "
                    + "unpublish this one instead");
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

    /** Publishes every scheduled article whose time has come; returns how many. */
    @Transactional
    public int publishDue() {
        Instant now = clock.instant();
        List<Article> due = articles.getEntityManager()
                .createQuery("from Article where status = :status and scheduledAt <= :now order by scheduledAt",
                        Article.class)
                .setParameter("status", ArticleStatus.SCHEDULED)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another replica has it
                .setMaxResults(100)
                .getResultList();
        due.forEach(article -> publishNow(article, "scheduler", now));
        return due.size();
    }

    private void publishNow(Article article, String user, Instant now) {
        ArticleEventType type = ArticleEventType.PUBLISHED;
        article.status = ArticleStatus.PUBLISHED;
        article.publishedAt = now;
        article.scheduledAt = null;
        article.unpublishReason = null;
        if (article.firstPublishedAt == null) {
            article.firstPublishedAt = now;
        }
        save(article, user, "published");
        emit(article, type);
    }

    Article lockedForUpdate(UUID id) {
        return articles.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("article " + id));
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
        articles.flush();
        outbox.append(article.id.toString(), type.cloudEventType(), ArticleEventMapper.toSnapshot(article),
                article.updatedAt);
    }

    private String uniqueSlug(String headline) {
        String base = SlugFactory.fromHeadline(headline);
        for (int n = 1; ; n++) {
            String candidate = SlugFactory.candidate(base, n);
            if (!articles.slugTaken(candidate)) {
                return candidate;
            }
        }
    }

    private String requireFreeSlug(String slug, UUID owner) {
        Article holder = articles.find("slug", slug).firstResult();
        if (holder != null && !holder.id.equals(owner)) {
            throw ProblemException.invalid("slug", "'" + slug + "' is already used by another article");
        }
        return slug;
    }

    private static Instant latest(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || a.isAfter(b) ? a : b;
    }
}
