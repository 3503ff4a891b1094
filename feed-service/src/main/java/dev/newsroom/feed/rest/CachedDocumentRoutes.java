package dev.newsroom.feed.rest;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.newsroom.feed.FeedScope;
import dev.newsroom.feed.render.FeedFormat;
import dev.newsroom.feed.service.FeedService;
import dev.newsroom.feed.service.RenderedFeed;
import dev.newsroom.feed.service.SitePages;
import io.netty.buffer.Unpooled;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Answers a GET for a feed, page or sitemap that is already rendered and still true straight from the Vert.x router,
 * on the I/O thread, before the request reaches Jakarta REST: a feed reader's poll then costs a cache look-up and a
 * socket write, as a static file would. Anything else (not rendered yet, a parameter to refuse, an unknown address)
 * passes on to {@link FeedResource} and {@link SiteResource}, which render, refuse and cache; both answer by
 * {@link Documents}' rules, so a document reads the same whichever of the two served it.
 */
@RequiredArgsConstructor
@ApplicationScoped
public class CachedDocumentRoutes {

    /** The metrics' uri tag Jakarta REST would give (Quarkus reads it from this request-context local). */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    /** Direct copies of the hot documents' bytes, so the socket write copies nothing; gone with their rendering. */
    private static final long DIRECT_BYTES = 64L * 1024 * 1024;

    private final FeedService feeds;
    private final SitePages pages;
    private final Cache<RenderedFeed, Prepared> prepared = Caffeine.newBuilder()
            .weakKeys()
            .maximumWeight(DIRECT_BYTES)
            .weigher((RenderedFeed document, Prepared form) -> form.bytes())
            .build();

    void register(@Observes Router router) {
        route(router, "/", context -> pages.cached("page:" + FeedScope.ALL.path(), page(context)));
        route(router, "/articles/:slug",
                context -> singlePage(context, "/articles/" + context.pathParam("slug")));
        route(router, "/sitemap.xml", context -> singlePage(context, "/sitemap.xml"));
        route(router, "/sitemaps/news.xml", context -> singlePage(context, "/sitemaps/news.xml"));
        // after the two above, whose paths it matches too: a path that names no section or tag passes on
        route(router, "/:kind/:name", context -> scope(context)
                .map(scope -> pages.cached("page:" + scope.path(), page(context))).orElse(null));
        route(router, "/feeds/:file", context -> feed(context, FeedScope.ALL));
        route(router, "/feeds/:kind/:name/:file", context -> scope(context)
                .map(scope -> feed(context, scope)).orElse(null));
    }

    private void route(Router router, String path, Function<RoutingContext, RenderedFeed> lookUp) {
        String template = path.replaceAll(":(\\w+)", "{$1}");
        router.get(path).order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(context -> {
            RenderedFeed document = lookUp.apply(context);
            if (document == null) {
                context.next();
                return;
            }
            ((HttpServerRequestInternal) context.request()).context().putLocal(URL_PATH_TEMPLATE, template);
            answer(context, document);
        });
    }

    private RenderedFeed feed(RoutingContext context, FeedScope scope) {
        int page = page(context);
        return FeedFormat.ofFileName(context.pathParam("file"))
                .map(format -> page < 1 ? null : feeds.cached(scope, format, page))
                .orElse(null);
    }

    private static Optional<FeedScope> scope(RoutingContext context) {
        return FeedScope.of(context.pathParam("kind"), context.pathParam("name"));
    }

    private RenderedFeed singlePage(RoutingContext context, String path) {
        return context.request().params().contains("page") ? null : pages.cached(path, 1);
    }

    /** The page asked for, or 0 when the parameter is not one Jakarta REST would accept (it answers then). */
    private static int page(RoutingContext context) {
        List<String> values = context.queryParam("page");
        if (values.isEmpty()) {
            return 1;
        }
        try {
            int page = Integer.parseInt(values.get(0));
            return page >= 1 && page <= Documents.MAX_PAGE ? page : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void answer(RoutingContext context, RenderedFeed document) {
        MultiMap request = context.request().headers();
        Documents.Coding coding = Documents.coding(request.get(HttpHeaders.ACCEPT_ENCODING),
                document.brotli() != null);
        boolean notModified = Documents.notModified(document, request.get(HttpHeaders.IF_NONE_MATCH),
                request.get(HttpHeaders.IF_MODIFIED_SINCE));
        HttpServerResponse response = context.response();
        Documents.headers(document, coding, !notModified, response.headers()::add);
        if (notModified) {
            response.setStatusCode(304).end();
        } else {
            response.end(prepared.get(document, Prepared::new).bytes(coding));
        }
    }

    /** How many renderings have their bytes in direct memory (tests: proof that the router answered). */
    long prepared() {
        prepared.cleanUp();
        return prepared.estimatedSize();
    }

    void forgetPrepared() {
        prepared.invalidateAll();
    }

    /** A rendering's bytes in direct memory, each coding made when first asked for. */
    @RequiredArgsConstructor(access = AccessLevel.PACKAGE)
    private static final class Prepared {

        private final RenderedFeed document;
        private final Buffer[] forms = new Buffer[Documents.Coding.values().length];

        int bytes() {
            return document.body().length + document.gzip().length
                    + (document.brotli() == null ? 0 : document.brotli().length);
        }

        synchronized Buffer bytes(Documents.Coding coding) {
            Buffer form = forms[coding.ordinal()];
            if (form == null) {
                byte[] content = coding.bytes(document);
                form = Buffer.buffer(Unpooled.unreleasableBuffer(
                        Unpooled.directBuffer(content.length, content.length).writeBytes(content)));
                forms[coding.ordinal()] = form;
            }
            return form;
        }
    }
}
