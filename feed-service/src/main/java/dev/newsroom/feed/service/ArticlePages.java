package dev.newsroom.feed.service;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.render.ArticlePage;
import dev.newsroom.feed.render.ArticlePageRenderer;
import dev.newsroom.feed.repository.ReadModelRepository;
import dev.newsroom.feed.repository.ReadModelRepository.StoredArticle;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Decides what /articles/{slug} answers: the page, 410 once unpublished, 404 before its time or when unknown. */
@ApplicationScoped
public class ArticlePages {

    /** The status and the HTML to send. */
    public record Outcome(int status, String html) {
    }

    private final ReadModelRepository readModel;
    private final ArticlePageRenderer renderer;
    private final ItemMapper items;
    private final FeedConfig config;

    public ArticlePages(ReadModelRepository readModel, ArticlePageRenderer renderer, ItemMapper items,
            FeedConfig config) {
        this.readModel = readModel;
        this.renderer = renderer;
        this.items = items;
        this.config = config;
    }

    @Transactional
    public Outcome page(String slug) {
        StoredArticle stored = readModel.bySlug(slug).orElse(null);
        if (stored == null || "PUBLISHED".equals(stored.status())
                && (stored.visibleFrom() == null || stored.visibleFrom().isAfter(Instant.now()))) {
            return new Outcome(404, notice("Not found", "There is no article at this address."));
        }
        if ("UNPUBLISHED".equals(stored.status())) {
            return new Outcome(410, notice("Gone", "This article has been withdrawn."));
        }
        if (!"PUBLISHED".equals(stored.status())) {
            return new Outcome(404, notice("Not found", "There is no article at this address."));
        }
        ArticleSnapshot article = stored.snapshot();
        Map<UUID, MediaAssetSnapshot> media = article.leadImage() == null || article.leadImage().mediaId() == null
                ? Map.of()
                : readModel.media(List.of(article.leadImage().mediaId()));
        List<ArticlePage.Link> related = article.related() == null ? List.of() : article.related().stream()
                .filter(link -> link.title() != null && link.url() != null)
                .map(link -> new ArticlePage.Link(link.title(), URI.create(link.url())))
                .toList();
        ArticlePage page = new ArticlePage(article.headline(), article.summary(), article.body(), article.language(),
                items.link(article), article.firstPublishedAt(), article.updatedAt(),
                article.authors() == null ? List.of() : article.authors().stream().map(ArticleSnapshot.Author::name)
                        .filter(Objects::nonNull).toList(),
                article.section(), article.tags(), items.image(article, media).orElse(null), related,
                article.correction(), config.title());
        return new Outcome(200, renderer.render(page));
    }

    private String notice(String title, String text) {
        String site = org.jsoup.nodes.Entities.escape(config.title());
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " - " + site
                + "</title></head><body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>";
    }
}
