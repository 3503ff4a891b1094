package dev.newsroom.article;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "lead_image")
    public LeadImage leadImage;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<RelatedLink> related = new ArrayList<>();

    public String correction;

    @Column(name = "unpublish_reason")
    public String unpublishReason;

    /** Counts saved revisions; events carry it so consumers can drop older ones. */
    public int revision;

    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
    @Column(name = "published_at")
    public Instant publishedAt;
    @Column(name = "first_published_at")
    public Instant firstPublishedAt;
    @Column(name = "scheduled_at")
    public Instant scheduledAt;
    @Column(name = "embargo_until")
    public Instant embargoUntil;
    @Column(name = "created_by")
    public String createdBy;
    @Column(name = "updated_by")
    public String updatedBy;

    public boolean wasEverPublished() {
        return firstPublishedAt != null;
    }
}
