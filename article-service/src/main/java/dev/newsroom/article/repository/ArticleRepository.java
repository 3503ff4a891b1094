package dev.newsroom.article.repository;

import java.util.UUID;

import dev.newsroom.article.Article;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** Articles in PostgreSQL. */
@ApplicationScoped
public class ArticleRepository implements PanacheRepositoryBase<Article, UUID> {
}
