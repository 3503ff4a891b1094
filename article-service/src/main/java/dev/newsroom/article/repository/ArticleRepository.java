package dev.newsroom.article.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.newsroom.article.Article;
import dev.newsroom.article.ArticleStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

/** Articles in PostgreSQL. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /**
     * The search as a query in every text search configuration (see V3__article_search.sql): each article is then
     * joined with the query of its own language only, and each of those queries can use the GIN index.
     */
    private static final String SEARCH_QUERIES = "with search as (select config, "
            + "websearch_to_tsquery(cast(config as regconfig), :text) as terms "
            + "from unnest(text_search_configs()) as config) ";
    private static final String SEARCH_JOIN = " from search s join article a"
            + " on a.search_config = s.config and a.search_vector @@ s.terms";

    /**
     * One page of the list: the best matches of the search first (headline above summary above body), then the
     * newest saves; without a search, the newest saves first. Ties are broken by id, so pages never overlap.
     */
    public List<Article> page(ArticleFilter filter, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        String where = conditions(filter, parameters);
        String sql = filter.text() == null
                ? "select a.id from article a" + where + " order by a.updated_at desc, a.id desc"
                : SEARCH_QUERIES + "select a.id" + SEARCH_JOIN + where
                        + " order by ts_rank(a.search_vector, s.terms) desc, a.updated_at desc, a.id desc";
        Query query = getEntityManager().createNativeQuery(sql + " limit :limit offset :offset", UUID.class);
        parameters.forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<UUID> ids = query.setParameter("limit", size).setParameter("offset", (long) page * size).getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = list("id in ?1", ids).stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity()));
        // an article deleted between the two queries is left out rather than answered as null
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /** How many articles the filter lets through in all. */
    public long count(ArticleFilter filter) {
        Map<String, Object> parameters = new HashMap<>();
        String where = conditions(filter, parameters);
        String sql = filter.text() == null
                ? "select count(*) from article a" + where
                : SEARCH_QUERIES + "select count(*)" + SEARCH_JOIN + where;
        Query query = getEntityManager().createNativeQuery(sql, Long.class);
        parameters.forEach(query::setParameter);
        return ((Number) query.getSingleResult()).longValue();
    }

    private static String conditions(ArticleFilter filter, Map<String, Object> parameters) {
        List<String> conditions = new ArrayList<>();
        if (filter.status() != null) {
            conditions.add("a.status = :status");
            parameters.put("status", filter.status().name());
        }
        if (filter.section() != null) {
            conditions.add("a.section = :section");
            parameters.put("section", filter.section());
        }
        if (filter.author() != null) {
            // the expression of the article_authors index, so that the index serves it
            conditions.add("author_names(a.authors) @> array[lower(cast(:author as text))]");
            parameters.put("author", filter.author());
        }
        if (filter.text() != null) {
            parameters.put("text", filter.text());
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    /** The article holding the slug, or null. */
    public Article bySlug(String slug) {
        return find("slug", slug).firstResult();
    }

    /** Waits, until this transaction ends, for any other transaction deriving slugs from the same base. */
    public void lockSlugBase(String base) {
        getEntityManager().createNativeQuery("select 1 from (select pg_advisory_xact_lock(hashtext(:base))) locked")
                .setParameter("base", base)
                .getSingleResult();
    }

    /** The slugs taken among {@code base}, {@code base-2}, {@code base-3}... */
    public Set<String> slugsDerivedFrom(String base) {
        @SuppressWarnings("unchecked")
        List<String> taken = getEntityManager()
                .createNativeQuery("select slug from article where slug = :base"
                        + " or (slug like :prefix and substr(slug, :suffixStart) ~ '^[0-9]+$')")
                .setParameter("base", base)
                .setParameter("prefix", base + "-%")
                .setParameter("suffixStart", base.length() + 2)
                .getResultList();
        return new HashSet<>(taken);
    }

    /**
     * Scheduled articles due at {@code now} (embargo over), earliest first, at most {@code limit}, locked for update.
     * Rows another replica has locked are skipped, so each is fired by one replica only.
     */
    public List<Article> dueForPublication(Instant now, int limit) {
        return getEntityManager()
                .createQuery("from Article where status = :status and scheduledAt <= :now"
                        + " and (embargoUntil is null or embargoUntil <= :now) order by scheduledAt", Article.class)
                .setParameter("status", ArticleStatus.SCHEDULED)
                .setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .setHint("jakarta.persistence.lock.timeout", -2) // SKIP LOCKED: another replica has it
                .setMaxResults(limit)
                .getResultList();
    }

    /** When the next scheduled publication is due, or {@code null} when none is scheduled. */
    public Instant nextScheduledAt() {
        return getEntityManager()
                .createQuery("select min(scheduledAt) from Article where status = :status", Instant.class)
                .setParameter("status", ArticleStatus.SCHEDULED)
                .getSingleResult();
    }

}
