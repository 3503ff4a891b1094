package dev.newsroom.feed.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.render.DeletedEntry;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.feed.render.FeedItem;
import dev.newsroom.feed.render.FeedPage;
import dev.newsroom.feed.render.FeedRenderer;
import dev.newsroom.feed.repository.VisibleArticles;
import dev.newsroom.feed.repository.VisibleArticles.StoredArticle;
import dev.newsroom.problem.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import lombok.RequiredArgsConstructor;

/** Builds one page of one feed from the read model and renders it, through the cache. */
@RequiredArgsConstructor
@ApplicationScoped
public class FeedService {

    private final VisibleArticles visible;
    private final FeedRenderer renderer;
    private final FeedCache cache;
    private final FeedConfig config;
    private final ItemMapper items;
    private final SiteAddresses site;
    private final Clock clock;
    private final StaleIfError renderings;
    private final RenderTimers timers;

    /** The feed if it is rendered and still true, without touching the database; null otherwise. */
    public RenderedFeed cached(FeedScope scope, FeedFormat format, int page) {
        return cache.fresh(FeedCache.Key.feed(scope, format, page));
    }

    public RenderedFeed feed(FeedScope scope, FeedFormat format, int page) {
        return renderings.get(FeedCache.Key.feed(scope, format, page),
                () -> timers.feed(format).record(() -> render(scope, format, page)));
    }

    @Transactional
    RenderedFeed render(FeedScope scope, FeedFormat format, int page) {
        Instant now = clock.instant();
        int size = config.pageSize();
        List<StoredArticle> found = visible.page(scope, now, (page - 1) * size, size + 1);
        if (found.isEmpty() && scope.kind() != FeedScope.Kind.ALL && !visible.everShown(scope, now)) {
            // not rendered and not cached: an unknown section or tag costs no memory, however many are asked for
            throw Refusal.notFound("the " + scope.kind().name().toLowerCase(Locale.ROOT) + " '"
                    + scope.value() + "'");
        }
        boolean hasNext = found.size() > size;
        List<ArticleSnapshot> shown = (hasNext ? found.subList(0, size) : found).stream()
                .map(StoredArticle::snapshot).toList();
        Map<UUID, MediaAssetSnapshot> media = visible.leadImages(shown);
        List<FeedItem> feedItems = shown.stream().map(article -> items.toItem(article, media)).toList();

        List<ArticleSnapshot> removed = format == FeedFormat.ATOM && page == 1
                ? visible.removedArticles(scope, now.minus(config.tombstoneDays(), ChronoUnit.DAYS))
                : List.of();
        List<DeletedEntry> tombstones = removed.stream()
                .map(article -> new DeletedEntry(items.id(article), removedAt(article), items.link(article)))
                .toList();

        String first = config.publicBaseUrl() + scope.path() + format.fileName();
        FeedPage feedPage = new FeedPage(first, site.feedTitle(scope), config.description(), config.language(),
                URI.create(page == 1 ? first : first + "?page=" + page),
                site.page(scope),
                URI.create(first),
                hasNext ? URI.create(first + "?page=" + (page + 1)) : null,
                page > 1 ? URI.create(page == 2 ? first : first + "?page=" + (page - 1)) : null,
                config.websubHub().map(URI::create).orElse(null),
                site.icon(),
                null, now.truncatedTo(ChronoUnit.SECONDS), feedItems, tombstones);
        byte[] body = renderer.render(feedPage, format);
        // Last-Modified must move whenever the bytes do: also when an embargo ends, an asset's caption changes or
        // an item leaves the feed, none of which the entries' own update times show.
        Instant lastModified = RenderedFeed.lastModified(Stream.of(Stream.of(feedPage.updatedOrBuilt()),
                        found.stream().limit(size).map(StoredArticle::visibleFrom),
                        media.values().stream().map(MediaAssetSnapshot::updatedAt),
                        visible.lastRemoval(scope).stream())
                .flatMap(times -> times));
        // an embargo that ends sooner than the cache would expire changes the feed then
        Instant expires = visible.unchangedUntil(now, config.cacheMaxAge());
        return new RenderedFeed(body, format.mediaType() + "; charset=utf-8", etag(body), lastModified, expires);
    }

    private static Instant removedAt(ArticleSnapshot article) {
        return Optional.ofNullable(article.updatedAt()).orElse(Instant.EPOCH);
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }

    static String etag(String body) {
        return etag(body.getBytes(StandardCharsets.UTF_8));
    }
}
