package dev.newsroom.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a reader's request to the public host reaches, as an ingress controller matches the Ingress's paths. */
class PublicRoutesTest {

    static List<String> overlays() {
        return ProjectLayout.overlays();
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void readersReachEveryPartOfTheSiteAndNoneOfTheOperatorsEndpoints(String overlay) {
        JsonNode publicHost = Manifests.of(overlay).get("Ingress", "newsroom-public").path("spec").path("rules").get(0);
        // the README's list of the readers' site, one address of each kind
        Map<String, String> site = new LinkedHashMap<>();
        site.put("/", "feed-service");
        site.put("/?page=2", "feed-service");
        site.put("/sections/world", "feed-service");
        site.put("/tags/climate?page=3", "feed-service");
        site.put("/articles/a-story", "feed-service");
        site.put("/feeds/rss.xml", "feed-service");
        site.put("/feeds/sections/world/atom.xml", "feed-service");
        site.put("/robots.txt", "feed-service");
        site.put("/sitemap.xml", "feed-service");
        site.put("/sitemaps/2026-12.xml?page=2", "feed-service");
        site.put("/sitemaps/news.xml", "feed-service");
        site.put("/favicon.svg", "feed-service");
        site.put("/favicon.ico", "feed-service");
        site.put("/media/3f2a/large.jpg", "media-service");

        site.forEach((address, service) -> assertThat(backend(publicHost, address)).as(address).isEqualTo(service));
        for (String inside : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/admin/rebuild", "/api/articles",
                "/sectionsx", "/robots.txt/x")) {
            assertThat(backend(publicHost, inside)).as(inside + " stays inside the cluster").isNull();
        }
    }

    /**
     * The service an address reaches on this host, or null: an Exact path must equal the address's path, a Prefix
     * path must be a whole number of its segments; the longest match wins, Exact before Prefix (Kubernetes' rules).
     */
    static String backend(JsonNode rule, String address) {
        String path = address.contains("?") ? address.substring(0, address.indexOf('?')) : address;
        String best = null;
        int bestLength = -1;
        boolean bestExact = false;
        for (JsonNode route : rule.path("http").path("paths")) {
            String routed = route.path("path").asText();
            boolean exact = route.path("pathType").asText().equals("Exact");
            boolean matches = exact ? path.equals(routed) : prefixOf(routed, path);
            boolean better = routed.length() > bestLength || (routed.length() == bestLength && exact && !bestExact);
            if (matches && better) {
                best = route.path("backend").path("service").path("name").asText();
                bestLength = routed.length();
                bestExact = exact;
            }
        }
        return best;
    }

    private static boolean prefixOf(String prefix, String path) {
        String trimmed = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return trimmed.isEmpty() || path.equals(trimmed) || path.startsWith(trimmed + "/");
    }
}
