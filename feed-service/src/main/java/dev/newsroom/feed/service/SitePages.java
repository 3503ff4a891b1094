package dev.newsroom.feed.service;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;
import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.config.FeedConfig;
import dev.newsroom.feed.config.SiteConfig;
import dev.newsroom.feed.render.SitemapWriter;
import dev.newsroom.feed.repository.SitemapQueries;
import dev.newsroom.feed.repository.SitemapQueries.SitemapMonth;
import dev.newsroom.feed.repository.SitemapQueries.SitemapStory;
import dev.newsroom.feed.repository.VisibleArticles;
import dev.newsroom.feed.repository.VisibleArticles.StoredArticle;
import dev.newsroom.page.ArticlePageRenderer;
import dev.newsroom.page.ListPage;
import dev.newsroom.page.ListPageRenderer;
import dev.newsroom.page.Site;
import dev.newsroom.page.SiteIcon;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import lombok.RequiredArgsConstructor;

/**
 * The readers' site from the read model: front, section and tag pages, article pages and sitemaps, each rendered
 * once and kept in the feeds' cache, so every change to the read model reaches them the moment it reaches the feeds.
 * What is not visible in the feeds (embargoed, scheduled, withdrawn) is not on any page or sitemap either.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class SitePages {

    static final String HTML = "text/html; charset=utf-8";
    static final String XML = "application/xml; charset=utf-8";
    /** News search engines read the stories of the last two days. */
    private static final long NEWS_DAYS = 2;

    private final VisibleArticles visible;
    private final SitemapQueries sitemapQueries;
    private final FeedCache cache;
    private final StaleIfError renderings;
    private final FeedConfig feedConfig;
    private final SiteConfig config;
    private final SiteAddresses addresses;
    private final Clock clock;
    private final ArticlePageRenderer articles = new ArticlePageRenderer();
    private final ListPageRenderer listings = new ListPageRenderer();
    private final SitemapWriter sitemaps = new SitemapWriter();
    private final RenderTimers timers;

    /** The document at path if it is rendered and still true, without touching the database; null otherwise. */
    public RenderedFeed cached(String path, int page) {
        return cache.fresh(new FeedCache.Key(path, page));
    }

    /** A listing page: the front page (scope ALL), a section's or a tag's page. */
    public RenderedFeed listing(FeedScope scope, int page) {
        return cached("page:" + scope.path(), page, () -> renderListing(scope, page));
    }

    public RenderedFeed article(String slug) {
        return cached("/articles/" + slug, 1, () -> renderArticle(slug));
    }

    public RenderedFeed sitemapIndex() {
        return cached("/sitemap.xml", 1, this::renderSitemapIndex);
    }

    public RenderedFeed archiveSitemap(String month, int page) {
        return cached("/sitemaps/" + month + ".xml", page, () -> renderArchiveSitemap(month, page));
    }

    public RenderedFeed newsSitemap() {
        return cached("/sitemaps/news.xml", 1, this::renderNewsSitemap);
    }

    /** robots.txt: everything may be crawled but the operators' and framework endpoints; the sitemap index. */
    public String robots() {
        return "User-agent: *\nDisallow: /admin/\nDisallow: /q/\n\nSitemap: "
                + addresses.site(List.of()).baseUrl() + "/sitemap.xml\n";
    }

    /** The site's default icon, the initial of its name (pages link to the newsroom's own one when configured). */
    public String icon() {
        return SiteIcon.svg(addresses.site(List.of()).name());
    }

    /** Where the site's icon is: the newsroom's own, else the default one. */
    public URI iconAddress() {
        return SiteIcon.of(addresses.site(List.of()));
    }

    private RenderedFeed cached(String path, int page, java.util.function.Supplier<RenderedFeed> render) {
        return renderings.get(new FeedCache.Key(path, page), () -> timers.site().record(render));
    }

    @Transactional
    RenderedFeed renderListing(FeedScope scope, int page) {
        Instant now = clock.instant();
        int size = config.pageSize();
        List<StoredArticle> found = visible.page(scope, now, (page - 1) * size, size + 1);
        if (found.isEmpty() && (page > 1 || scope.kind() != FeedScope.Kind.ALL)) {
            throw MissingPage.unknown(page > 1 ? "there is no page " + page + " here"
                    : "there are no stories " + (scope.kind() == FeedScope.Kind.SECTION ? "in section '"
                    : "tagged '") + scope.value() + "'");
        }
        boolean hasNext = found.size() > size;
        List<StoredArticle> shown = hasNext ? found.subList(0, size) : found;
        Map<UUID, MediaAssetSnapshot> media = visible.leadImages(shown.stream().map(StoredArticle::snapshot).toList());
        Site site = addresses.site(visible.visibleSections(now));
        URI first = addresses.page(scope);
        String heading;
        String intro;
        List<Site.Feed> feeds;
        switch (scope.kind()) {
            case SECTION -> {
                heading = site.sectionName(scope.value());
                intro = "The latest stories in " + heading + ".";
                feeds = site.sectionFeeds(scope.value());
            }
            case TAG -> {
                heading = "#" + scope.value();
                intro = "Stories tagged “" + scope.value() + "”.";
                feeds = site.tagFeeds(scope.value());
            }
            default -> {
                heading = "Latest stories";
                intro = null;
                feeds = site.feeds();
            }
        }
        List<ListPage.Story> stories = shown.stream()
                .map(stored -> new ListPage.Story(stored.snapshot(), leadAsset(stored.snapshot(), media)))
                .toList();
        ListPage listing = new ListPage(heading, intro, pageUri(first, page),
                scope.kind() == FeedScope.Kind.SECTION ? scope.value() : null, feeds, stories,
                page > 1 ? pageUri(first, page - 1) : null, hasNext ? pageUri(first, page + 1) : null,
                scope.kind() == FeedScope.Kind.ALL && page == 1);
        byte[] body = listings.render(listing, site).getBytes(StandardCharsets.UTF_8);
        Instant lastModified = RenderedFeed.lastModified(Stream.of(
                shown.stream().map(StoredArticle::visibleFrom),
                shown.stream().map(stored -> stored.snapshot().updatedAt()),
                media.values().stream().map(MediaAssetSnapshot::updatedAt),
                visible.lastRemoval(scope).stream()).flatMap(times -> times));
        return new RenderedFeed(body, HTML, FeedService.etag(body), lastModified, expires(now));
    }

    @Transactional
    RenderedFeed renderArticle(String slug) {
        Instant now = clock.instant();
        StoredArticle stored = visible.bySlug(slug).orElse(null);
        if (stored != null && "UNPUBLISHED".equals(stored.status())) {
            throw MissingPage.withdrawn("this story has been withdrawn");
        }
        if (stored == null || !"PUBLISHED".equals(stored.status()) || stored.visibleFrom() == null
                || stored.visibleFrom().isAfter(now)) {
            throw MissingPage.unknown("there is no story at this address");
        }
        ArticleSnapshot article = stored.snapshot();
        MediaAssetSnapshot lead = leadAsset(article, visible.leadImages(List.of(article)));
        Site site = addresses.site(visible.visibleSections(now));
        byte[] body = articles.render(article, lead, site).getBytes(StandardCharsets.UTF_8);
        Instant lastModified = RenderedFeed.lastModified(Stream.of(stored.visibleFrom(), article.updatedAt(),
                lead == null ? null : lead.updatedAt()));
        return new RenderedFeed(body, HTML, FeedService.etag(body), lastModified, expires(now));
    }

    @Transactional
    RenderedFeed renderSitemapIndex() {
        Instant now = clock.instant();
        String base = addresses.site(List.of()).baseUrl();
        List<SitemapWriter.Location> files = new ArrayList<>();
        List<SitemapMonth> months = sitemapQueries.months(now);
        Instant latest = months.stream().map(SitemapMonth::lastModified).filter(Objects::nonNull)
                .max(Instant::compareTo).orElse(null);
        files.add(new SitemapWriter.Location(URI.create(base + "/sitemaps/news.xml"), latest));
        for (SitemapMonth month : months) {
            long pages = (month.stories() + config.sitemapPageSize() - 1) / config.sitemapPageSize();
            for (long page = 1; page <= pages; page++) {
                files.add(new SitemapWriter.Location(
                        pageUri(URI.create(base + "/sitemaps/" + month.month() + ".xml"), (int) page),
                        month.lastModified()));
            }
        }
        byte[] body = sitemaps.index(files);
        Instant lastModified = RenderedFeed.lastModified(Stream.concat(Stream.of(latest),
                visible.lastRemoval(FeedScope.ALL).stream()));
        return new RenderedFeed(body, XML, FeedService.etag(body), lastModified, expires(now));
    }

    @Transactional
    RenderedFeed renderArchiveSitemap(String month, int page) {
        YearMonth yearMonth;
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw MissingPage.unknown("sitemaps are named by month, as 2025-03.xml");
        }
        Instant now = clock.instant();
        Instant from = yearMonth.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        Instant to = yearMonth.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
        int size = config.sitemapPageSize();
        List<SitemapStory> stories = sitemapQueries.stories(from, to, now, (page - 1) * size, size);
        if (stories.isEmpty()) {
            throw MissingPage.unknown("no stories of " + month + (page > 1 ? " on page " + page : ""));
        }
        Site site = addresses.site(List.of());
        byte[] body = sitemaps.archive(stories.stream()
                .map(story -> new SitemapWriter.Location(site.article(story.slug()), story.lastModified()))
                .toList());
        Instant lastModified = RenderedFeed.lastModified(Stream.concat(stories.stream().map(SitemapStory::lastModified),
                visible.lastRemoval(FeedScope.ALL).stream()));
        return new RenderedFeed(body, XML, FeedService.etag(body), lastModified, expires(now));
    }

    @Transactional
    RenderedFeed renderNewsSitemap() {
        Instant now = clock.instant();
        Site site = addresses.site(List.of());
        List<SitemapStory> stories = sitemapQueries.newsStories(now.minus(NEWS_DAYS, ChronoUnit.DAYS), now,
                config.newsSitemapSize());
        byte[] body = sitemaps.news(feedConfig.title(), stories.stream()
                .map(story -> new SitemapWriter.NewsEntry(site.article(story.slug()), story.published(),
                        story.headline(), story.language()))
                .toList());
        Instant lastModified = RenderedFeed.lastModified(Stream.concat(stories.stream().map(SitemapStory::lastModified),
                visible.lastRemoval(FeedScope.ALL).stream()));
        // the oldest story leaves the news sitemap two days after it was published
        Instant leaves = stories.isEmpty() ? null
                : stories.get(stories.size() - 1).published().plus(NEWS_DAYS, ChronoUnit.DAYS);
        Instant expires = expires(now);
        return new RenderedFeed(body, XML, FeedService.etag(body), lastModified,
                leaves != null && leaves.isBefore(expires) ? leaves : expires);
    }

    private static MediaAssetSnapshot leadAsset(ArticleSnapshot article, Map<UUID, MediaAssetSnapshot> media) {
        return article.leadImage() == null || article.leadImage().mediaId() == null ? null
                : media.get(article.leadImage().mediaId());
    }

    /** An embargo that ends sooner than the cache would expire changes the pages then. */
    private Instant expires(Instant now) {
        return visible.unchangedUntil(now, feedConfig.cacheMaxAge());
    }

    private static URI pageUri(URI first, int page) {
        return page == 1 ? first : URI.create(first.toASCIIString() + "?page=" + page);
    }
}
