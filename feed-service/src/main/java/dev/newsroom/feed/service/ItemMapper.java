package dev.newsroom.feed.service;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.page.PathSegments;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.render.FeedImage;
import dev.newsroom.feed.render.FeedItem;
import jakarta.enterprise.context.ApplicationScoped;

import lombok.RequiredArgsConstructor;

/** Maps an article of the read model (and its lead photo's asset) to a feed entry. */
@RequiredArgsConstructor
@ApplicationScoped
public class ItemMapper {

    /** Feeds carry the page-sized rendition; readers scale it down themselves. */
    private static final List<String> RENDITION_PREFERENCE = List.of("large", "original", "thumb");

    private final FeedConfig config;

    public FeedItem toItem(ArticleSnapshot article, Map<UUID, MediaAssetSnapshot> media) {
        return new FeedItem(id(article), link(article), article.headline(), article.summary(), article.body(),
                article.firstPublishedAt(), article.updatedAt(), article.section(),
                article.tags() == null ? List.of() : article.tags(),
                article.authors() == null ? List.of() : article.authors().stream()
                        .map(ArticleSnapshot.Author::name).filter(Objects::nonNull).toList(),
                image(article, media).orElse(null), article.correction(), article.language());
    }

    /** Stable across every update of the article: derived from its id, never from slug or headline. */
    public String id(ArticleSnapshot article) {
        return "urn:uuid:" + article.id();
    }

    public URI link(ArticleSnapshot article) {
        String base = config.siteBaseUrl().orElse(config.publicBaseUrl());
        return URI.create(base + "/articles/" + PathSegments.encode(article.slug()));
    }

    /** The lead photo; the article's caption and credit override the asset's own. */
    public Optional<FeedImage> image(ArticleSnapshot article, Map<UUID, MediaAssetSnapshot> media) {
        if (article.leadImage() == null || article.leadImage().mediaId() == null) {
            return Optional.empty();
        }
        MediaAssetSnapshot asset = media.get(article.leadImage().mediaId());
        if (asset == null || asset.renditions() == null) {
            return Optional.empty();
        }
        return RENDITION_PREFERENCE.stream()
                .flatMap(name -> asset.renditions().stream().filter(rendition -> name.equals(rendition.name())))
                .findFirst()
                .map(rendition -> new FeedImage(URI.create(rendition.url()), rendition.mimeType(), rendition.bytes(),
                        rendition.width(), rendition.height(),
                        firstNonBlank(article.leadImage().caption(), asset.caption()),
                        firstNonBlank(article.leadImage().credit(), asset.credit())));
    }

    private static String firstNonBlank(String preferred, String fallback) {
        return preferred != null && !preferred.isBlank() ? preferred : fallback;
    }
}
