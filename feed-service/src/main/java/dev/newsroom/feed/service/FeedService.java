package dev.newsroom.feed.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
import dev.newsroom.feed.repository.ReadModelRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Builds one page of one feed from the read model and renders it, through the cache. */
@ApplicationScoped
public class FeedService {

    /** Rendered feeds are re-checked at least this often, so replicas that missed a change catch up. */
    private static final Duration MAX_CACHE_AGE = Duration.ofSeconds(5);

    private final ReadModelRepository readModel;
    private final FeedRenderer renderer;
    private final FeedCache cache;
    private final FeedConfig config;
    private final ItemMapper items;

    public FeedService(ReadModelRepository readModel, FeedRenderer renderer, FeedCache cache, FeedConfig config,
            ItemMapper items) {
        this.readModel = readModel;
        this.renderer = renderer;
        this.cache = cache;
        this.config = config;
        this.items = items;
    }

    public RenderedFeed feed(FeedScope scope, FeedFormat format, int page) {
        return cache.get(new FeedCache.Key(scope, format, page), () -> render(scope, format, page));
    }

    @Transactional
    RenderedFeed render(FeedScope scope, FeedFormat format, int page) {
        Instant now = Instant.now();
        int size = config.pageSize();
        List<ArticleSnapshot> found = readModel.visibleArticles(scope, now, (page - 1) * size, size + 1);
        boolean hasNext = found.size() > size;
        List<ArticleSnapshot> shown = hasNext ? found.subList(0, size) : found;
        Map<UUID, MediaAssetSnapshot> media = readModel.media(shown.stream()
                .map(ArticleSnapshot::leadImage).filter(Objects::nonNull)
                .map(ArticleSnapshot.LeadImage::mediaId).filter(Objects::nonNull).distinct().toList());
        List<FeedItem> feedItems = shown.stream().map(article -> items.toItem(article, media)).toList();

        List<ArticleSnapshot> removed = format == FeedFormat.ATOM && page == 1
                ? readModel.removedArticles(scope, now.minus(config.tombstoneDays(), ChronoUnit.DAYS))
                : List.of();
        List<DeletedEntry> tombstones = removed.stream()
                .map(article -> new DeletedEntry(items.id(article), removedAt(article), items.link(article)))
                .toList();

        Instant updated = Stream.concat(feedItems.stream().map(FeedItem::updated), tombstones.stream()
                .map(DeletedEntry::when)).filter(Objects::nonNull).max(Instant::compareTo)
                .orElse(Instant.EPOCH).truncatedTo(ChronoUnit.SECONDS);

        String first = config.publicBaseUrl() + scope.path() + format.fileName();
        FeedPage feedPage = new FeedPage(first, title(scope), config.description(), config.language(),
                URI.create(page == 1 ? first : first + "?page=" + page),
                URI.create(config.siteBaseUrl().orElse(config.publicBaseUrl()) + "/"),
                URI.create(first),
                hasNext ? URI.create(first + "?page=" + (page + 1)) : null,
                page > 1 ? URI.create(page == 2 ? first : first + "?page=" + (page - 1)) : null,
                config.websubHub().map(URI::create).orElse(null),
                updated, feedItems, tombstones);
        byte[] body = renderer.render(feedPage, format);
        Instant expires = readModel.nextVisibleAfter(now)
                .filter(next -> next.isBefore(now.plus(MAX_CACHE_AGE)))
                .orElse(now.plus(MAX_CACHE_AGE));
        return new RenderedFeed(body, format.mediaType() + "; charset=utf-8", etag(body), updated, expires);
    }

    private String title(FeedScope scope) {
        return switch (scope.kind()) {
            case ALL -> config.title();
            case SECTION -> config.title() + ": " + scope.value();
            case TAG -> config.title() + ": #" + scope.value();
        };
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
