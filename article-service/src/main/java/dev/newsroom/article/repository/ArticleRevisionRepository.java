package dev.newsroom.article.repository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import dev.newsroom.article.ArticleRevision;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** The saved revisions of articles in PostgreSQL. */
@ApplicationScoped
public class ArticleRevisionRepository implements PanacheRepositoryBase<ArticleRevision, ArticleRevision.Key> {

    /** Every revision of an article, newest first. */
    public List<ArticleRevision> history(UUID articleId) {
        return list("articleId = ?1 order by revision desc", articleId);
    }

    public Optional<ArticleRevision> revision(UUID articleId, int number) {
        return find("articleId = ?1 and revision = ?2", articleId, number).firstResultOptional();
    }

    public void deleteAllOf(UUID articleId) {
        delete("articleId", articleId);
    }
}
