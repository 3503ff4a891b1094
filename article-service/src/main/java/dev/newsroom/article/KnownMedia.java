package dev.newsroom.article;

import java.time.Instant;
import java.util.UUID;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A media asset this service has heard of on newsroom.media: a replica kept only to check that a lead image
 * exists, so saving an article never depends on media-service answering.
 */
@Entity
@Table(name = "known_media")
public class KnownMedia extends PanacheEntityBase {

    @Id
    public UUID id;

    /** The asset's revision in the newest event applied; older or repeated events change nothing. */
    public long revision;

    public boolean deleted;

    public Instant updatedAt;
}
