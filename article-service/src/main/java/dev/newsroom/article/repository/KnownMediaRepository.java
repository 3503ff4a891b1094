package dev.newsroom.article.repository;

import java.time.Instant;
import java.util.UUID;

import dev.newsroom.article.KnownMedia;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

/** This service's replica of media-service's assets, in PostgreSQL. */
@ApplicationScoped
public class KnownMediaRepository implements PanacheRepositoryBase<KnownMedia, UUID> {

    /**
     * Keeps the newest revision of each asset, so a duplicate or an older event changes nothing; a delete carrying
     * the same revision as the last update still wins, since deletion is final.
     *
     * @return whether the row changed
     */
    public boolean upsertNewer(UUID id, long revision, boolean deleted, Instant now) {
        int changed = getEntityManager().createNativeQuery("""
                insert into known_media (id, revision, deleted, updated_at) values (:id, :revision, :deleted, :now)
                on conflict (id) do update set revision = excluded.revision, deleted = excluded.deleted,
                    updated_at = excluded.updated_at
                where known_media.revision < excluded.revision
                   or (known_media.revision = excluded.revision and excluded.deleted and not known_media.deleted)
                """)
                .setParameter("id", id)
                .setParameter("revision", revision)
                .setParameter("deleted", deleted)
                .setParameter("now", now)
                .executeUpdate();
        return changed > 0;
    }
}
