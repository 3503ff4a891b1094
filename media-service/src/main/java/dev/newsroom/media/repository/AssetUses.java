package dev.newsroom.media.repository;

import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.newsroom.events.ArticleSnapshot;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * This service's replica of which articles use which assets, from newsroom.articles: a lead image or an image in
 * the body. An asset is in use while an article using it is published or scheduled. A replica rather than a call to
 * article-service, so media-service decides alone and keeps working while article-service is down.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class AssetUses {

    /** Body images point at media-service's delivery path, {@code .../media/<id>/<rendition>}. */
    private static final Pattern BODY_IMAGE = Pattern.compile(
            "/media/([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})/");

    private final EntityManager entities;

    /** Keeps the newest revision of each article: a duplicate or an older event changes nothing. */
    @Transactional
    public void apply(ArticleSnapshot article) {
        boolean live = "PUBLISHED".equals(article.status()) || "SCHEDULED".equals(article.status());
        entities.createNativeQuery("""
                INSERT INTO article_use (article_id, revision, live, media_ids)
                VALUES (:id, :revision, :live, cast(:media AS uuid[]))
                ON CONFLICT (article_id) DO UPDATE SET revision = excluded.revision, live = excluded.live,
                    media_ids = excluded.media_ids
                WHERE article_use.revision < excluded.revision
                """)
                .setParameter("id", article.id())
                .setParameter("revision", article.revision())
                .setParameter("live", live)
                .setParameter("media", "{" + String.join(",", mediaIds(article).stream().map(UUID::toString)
                        .toList()) + "}")
                .executeUpdate();
    }

    /** Whether a published or scheduled article uses the asset. */
    public boolean inUse(UUID mediaId) {
        return !entities.createNativeQuery(
                "SELECT 1 FROM article_use WHERE live AND media_ids @> ARRAY[cast(:id AS uuid)] LIMIT 1")
                .setParameter("id", mediaId.toString())
                .getResultList().isEmpty();
    }

    static Set<UUID> mediaIds(ArticleSnapshot article) {
        Set<UUID> ids = new LinkedHashSet<>();
        if (article.leadImage() != null && article.leadImage().mediaId() != null) {
            ids.add(article.leadImage().mediaId());
        }
        Matcher images = BODY_IMAGE.matcher(Objects.requireNonNullElse(article.body(), ""));
        while (images.find()) {
            ids.add(UUID.fromString(images.group(1)));
        }
        return ids;
    }
}
