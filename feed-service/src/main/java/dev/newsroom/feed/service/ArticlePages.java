package dev.newsroom.feed.service;

import java.time.Clock;
import java.util.List;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.repository.ReadModelRepository;
import dev.newsroom.feed.repository.ReadModelRepository.StoredArticle;
import dev.newsroom.page.ArticlePageRenderer;
import dev.newsroom.page.Site;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Decides what /articles/{slug} answers: the page, 410 once unpublished, 404 before its time or when unknown; while
 * the database is away, the page as it was last rendered (stale-if-error).
 */
@ApplicationScoped
public class ArticlePages {

    /** The status and the HTML to send. */
    public record Outcome(int status, String html) {
    }

    private final ReadModelRepository readModel;
    private final ArticlePageRenderer renderer;
    private final FeedConfig config;
    private final Clock clock;
    private final DatabaseOutage outage;
    private final LastGoodPages lastGood = new LastGoodPages(LAST_GOOD_BYTES);

    /** Pages kept for an outage: a few thousand typical pages, a small part of the heap ./newsroom and deploy/ give. */
    static final long LAST_GOOD_BYTES = 16L * 1024 * 1024;

    public ArticlePages(ReadModelRepository readModel, ArticlePageRenderer renderer, FeedConfig config, Clock clock,
            DatabaseOutage outage) {
        this.readModel = readModel;
        this.renderer = renderer;
        this.config = config;
        this.clock = clock;
        this.outage = outage;
    }

    public Outcome page(String slug) {
        Outcome last = lastGood.get(slug);
        if (last != null && outage.inProgress()) {
            return last;
        }
        try {
            Outcome outcome = render(slug);
            lastGood.put(slug, outcome);
            return outcome;
        } catch (RuntimeException e) {
            if (last != null && outage.noticed(e)) {
                return last;
            }
            throw e;
        }
    }

    @Transactional
    Outcome render(String slug) {
        StoredArticle stored = readModel.bySlug(slug).orElse(null);
        if (stored == null || "PUBLISHED".equals(stored.status())
                && (stored.visibleFrom() == null || stored.visibleFrom().isAfter(clock.instant()))) {
            return new Outcome(404, notice("Not found", "There is no article at this address."));
        }
        if ("UNPUBLISHED".equals(stored.status())) {
            return new Outcome(410, notice("Gone", "This article has been withdrawn."));
        }
        if (!"PUBLISHED".equals(stored.status())) {
            return new Outcome(404, notice("Not found", "There is no article at this address."));
        }
        ArticleSnapshot article = stored.snapshot();
        MediaAssetSnapshot lead = article.leadImage() == null || article.leadImage().mediaId() == null ? null
                : readModel.media(List.of(article.leadImage().mediaId())).get(article.leadImage().mediaId());
        Site site = new Site(config.title(), config.siteBaseUrl().orElse(config.publicBaseUrl()), List.of());
        return new Outcome(200, renderer.render(article, lead, site));
    }

    private String notice(String title, String text) {
        String site = org.jsoup.nodes.Entities.escape(config.title());
        return "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + title + " - " + site
                + "</title></head><body><main><h1>" + title + "</h1><p>" + text + "</p></main></body></html>";
    }
}
