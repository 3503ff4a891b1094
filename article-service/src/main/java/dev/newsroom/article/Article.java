package dev.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** An article and its place in the workflow: the aggregate of this service. */
@Entity
@Table(name = "article")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;

    /** Optimistic lock: a save with a stale version fails instead of overwriting someone's work. */
    @Version
    public long version;

    public String slug;

    @Enumerated(EnumType.STRING)
    public ArticleStatus status;

    public String headline;
    public String summary;
    public String body;
    public String section;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> tags = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<Author> authors = new ArrayList<>();

    public String language;

    @JdbcTypeCode(SqlTypes.JSON)
    public LeadImage leadImage;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<RelatedLink> related = new ArrayList<>();

    public String correction;

    public String unpublishReason;

    /** Counts saved revisions; events carry it so consumers can drop older ones. */
    public int revision;

    public Instant createdAt;
    public Instant updatedAt;
    public Instant publishedAt;
    public Instant firstPublishedAt;
    public Instant scheduledAt;
    public Instant embargoUntil;
    public String createdBy;
    public String updatedBy;

    public boolean wasEverPublished() {
        return firstPublishedAt != null;
    }
}
