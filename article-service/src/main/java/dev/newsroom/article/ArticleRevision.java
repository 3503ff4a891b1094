package dev.newsroom.article;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

/** One saved state of an article, kept forever: who saved it, when, and what it said. */
@Entity
@Table(name = "article_revision")
@IdClass(ArticleRevision.Key.class)
public class ArticleRevision extends PanacheEntityBase {

    @Id
    public UUID articleId;

    @Id
    public int revision;

    public String savedBy;

    public Instant savedAt;

    /** What the save did: created, edited, published, restored... */
    public String action;

    @JdbcTypeCode(SqlTypes.JSON)
    public RevisionContent content;

    /** Composite key of a revision. */
    public static class Key implements Serializable {
        public UUID articleId;
        public int revision;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(articleId, key.articleId) && revision == key.revision;
        }

        @Override
        public int hashCode() {
            return Objects.hash(articleId, revision);
        }
    }
}
