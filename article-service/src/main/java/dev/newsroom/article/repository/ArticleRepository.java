package dev.newsroom.article.repository;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
import dev.newsroom.article.ArticleFilter;
import dev.newsroom.article.ArticleStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;

/** Articles in PostgreSQL. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {

    /** Newest save first; ties broken by id, so that pages never overlap. The order of the list's indexes. */
    private static final String NEWEST_FIRST = "updated_at desc, id desc";

    /**
     * One page of the list and how many articles match in all. With a search, the best matches first (headline above
     * summary above body), then the newest saves; without one, the newest saves first.
     */
    public ArticleMatches list(ArticleFilter filter, int page, int size) {
        Map<String, Object> parameters = new HashMap<>();
        parameters.put("limit", size);
        parameters.put("offset", (long) page * size);
        String conditions = conditions(filter, parameters);
        List<UUID> ids;
        long total;
        if (filter.text() == null) {
            String where = conditions.isEmpty() ? "" : " where " + conditions;
            ids = ids(query("select id from article a" + where + " order by " + NEWEST_FIRST
                    + " limit :limit offset :offset", UUID.class, parameters));
            parameters.remove("limit");
            parameters.remove("offset");
            total = countOf("select count(*) from article a" + where, parameters);
        } else {
            String matches = searchMatches(filter.text(), conditions, parameters);
            if (matches == null) {
                return new ArticleMatches(List.of(), 0);
            }
            // Ranking reads every match anyway, so the count comes with the page rather than from a second pass.
            @SuppressWarnings("unchecked")
            List<Object[]> rows = query("select id, count(*) over () from (" + matches + ") matches order by rank desc, "
                    + NEWEST_FIRST + " limit :limit offset :offset", null, parameters).getResultList();
            ids = rows.stream().map(row -> (UUID) row[0]).toList();
            if (rows.isEmpty()) {
                parameters.remove("limit");
                parameters.remove("offset");
                total = countOf("select count(*) from (" + matches + ") matches", parameters);
            } else {
                total = ((Number) rows.get(0)[1]).longValue();
            }
        }
        return new ArticleMatches(load(ids), total);
    }

    /** The articles of {@code ids}, in that order; one deleted meanwhile is left out rather than answered as null. */
    private List<Article> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<UUID, Article> byId = list("id in ?1", ids).stream()
                .collect(Collectors.toMap(article -> article.id, Function.identity()));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
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
        return String.join(" and ", conditions);
    }

    /**
     * The matches of a search (id, updated_at, rank), or {@code null} when it has no word to look for in any language.
     * Each article is matched with the query of its own language: one branch per distinct reading of the query, each
     * a scan of the GIN index narrowed to the configurations that read it so.
     */
    private String searchMatches(String text, String conditions, Map<String, Object> parameters) {
        List<SearchTerms> searches = searchTerms(text);
        if (searches.isEmpty()) {
            return null;
        }
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < searches.size(); i++) {
            String terms = "cast(:terms" + i + " as tsquery)";
            branches.add("select a.id, a.updated_at, ts_rank(a.rank_vector, " + terms + ") as rank from article a"
                    + " where a.search_vector @@ " + terms + " and a.search_config in (:configs" + i + ")"
                    + (conditions.isEmpty() ? "" : " and " + conditions));
            parameters.put("terms" + i, searches.get(i).terms());
            parameters.put("configs" + i, searches.get(i).configs());
        }
        return String.join(" union all ", branches);
    }

    /**
     * The web-search query as each text search configuration an article can have reads it (see V3__article_search.sql),
     * configurations that read it alike grouped, and those that find no word in it (only stop words) left out.
     */
    private List<SearchTerms> searchTerms(String text) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = getEntityManager().createNativeQuery("select cast(terms as text),"
                + " string_agg(config, ',' order by config) from (select config,"
                + " websearch_to_tsquery(cast(config as regconfig), :text) as terms"
                + " from unnest(text_search_configs()) as config) search where numnode(terms) > 0"
                + " group by cast(terms as text) order by 1")
                .setParameter("text", text)
                .getResultList();
        return rows.stream()
                .map(row -> new SearchTerms((String) row[0], Arrays.asList(((String) row[1]).split(","))))
                .toList();
    }

    private Query query(String sql, Class<?> type, Map<String, Object> parameters) {
        Query query = type == null ? getEntityManager().createNativeQuery(sql)
                : getEntityManager().createNativeQuery(sql, type);
        parameters.forEach(query::setParameter);
        return query;
    }

    @SuppressWarnings("unchecked")
    private static List<UUID> ids(Query query) {
        return query.getResultList();
    }

    private long countOf(String sql, Map<String, Object> parameters) {
        return ((Number) query(sql, Long.class, parameters).getSingleResult()).longValue();
    }

    /** A query as PostgreSQL reads it (tsquery text) and the configurations that read it so. */
    private record SearchTerms(String terms, List<String> configs) {
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
