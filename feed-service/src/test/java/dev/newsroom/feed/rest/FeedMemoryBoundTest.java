package dev.newsroom.feed.rest;

import static dev.newsroom.feed.support.Feeds.tag;
import static dev.newsroom.feed.support.Feeds.text;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.junit.jupiter.api.Test;

import dev.newsroom.feed.service.FeedCache;
import dev.newsroom.feed.support.UpstreamEvents;
import dev.newsroom.feed.support.TestArticle;
import dev.newsroom.feed.support.WebSubHub;
import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.common.WithTestResource;
import io.restassured.RestAssured;
import jakarta.inject.Inject;

/**
 * An anonymous reader cannot grow the service's memory: unknown sections and tags answer 404 without being
 * rendered or cached, and distinct pages of a real feed stay within the cache's configured bytes.
 */
@QuarkusTest
@TestProfile(FeedMemoryBoundTest.SmallCache.class)
@WithTestResource(NewsroomTestResource.class)
@WithTestResource(WebSubHub.class)
class FeedMemoryBoundTest {

    /** A 1 MiB feed cache, so a few thousand pages overflow it; no tracing (see below). */
    public static class SmallCache implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // The tests' in-memory span exporter keeps every span it is given (about 9 KB a request): it would be
            // counted as the service's heap. In production spans leave through OTLP's bounded queue.
            return Map.of("newsroom.feed.cache-max-size", "1M", "quarkus.otel.sdk.disabled", "true");
        }
    }

    private static final long CACHE_BYTES = 1L << 20;
    /** Retained heap allowed to grow over the whole test; the unbounded cache grew by over 100 MB here. */
    private static final long HEAP_GROWTH_BOUND = 24L << 20;
    private final UpstreamEvents newsroom = UpstreamEvents.shared();

    @Inject
    FeedCache cache;

    @Test
    void unknownSectionsAndTagsAnswer404AsProblems() {
        String known = publishedUnderNewTag("known-", "Known tag");

        given().get(tag("no-such-tag-" + UUID.randomUUID(), "atom.xml") + "?page=7")
                .then().statusCode(404).contentType("application/problem+json");
        given().get("/feeds/sections/no-such-section-" + UUID.randomUUID() + "/rss.xml")
                .then().statusCode(404).contentType("application/problem+json");
        // a section only an embargoed story carries is not revealed before the story is
        String embargoed = "embargoed-" + UUID.randomUUID().toString().substring(0, 8);
        newsroom.published(TestArticle.headlined("Not yet").section(embargoed)
                .embargoUntil(java.time.Instant.now().plusSeconds(3600)));
        String marker = publishedUnderNewTag("marker-", "After the embargoed one");
        given().get("/feeds/sections/" + embargoed + "/rss.xml").then().statusCode(404);
    }

    @Test
    void theCacheHitRateIsAMetric() {
        String known = publishedUnderNewTag("metered-", "Metered");
        // a full cache admits a new feed once it is asked for more often than what it would evict (TinyLFU)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            text(tag(known, "rss.xml"));
            assertThat(given().get("/q/metrics").then().statusCode(200).extract().asString())
                    .containsPattern("cache_gets_total\\{[^}]*cache=\"feeds\",[^}]*result=\"hit\"[^}]*} [1-9]");
        });
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("cache_gets_total\\{[^}]*cache=\"feeds\",[^}]*result=\"miss\"")
                .containsPattern("cache_size\\{[^}]*cache=\"feeds\"");
    }

    @Test
    void hundredThousandDistinctUnknownFeedsAndThousandsOfPagesStayWithinTheBounds() throws Exception {
        String known = publishedUnderNewTag("paged-", "One story");
        long before = retainedHeap();

        String[] files = {"rss.xml", "atom.xml", "feed.json"};
        Map<Integer, Integer> unknown = requestAll(100_000, i -> (i % 2 == 0 ? "/feeds/tags/" : "/feeds/sections/")
                + "probe-" + i + "/" + files[i % 3] + "?page=" + (1 + i % 10_000));
        assertThat(unknown).containsOnlyKeys(404);
        // pages past the end of a real feed are rendered and cached: more of them than the cache holds
        Map<Integer, Integer> pages = requestAll(6_000, i -> tag(known, files[i % 3]) + "?page=" + (2 + i / 3));
        assertThat(pages).containsOnlyKeys(200);

        assertThat(cache.weight()).isLessThanOrEqualTo(CACHE_BYTES);
        long growth = retainedHeap() - before;
        assertThat(growth).as("retained heap growth in bytes").isLessThan(HEAP_GROWTH_BOUND);
    }

    /** Publishes a story under a tag of its own and waits until the tag's feed shows it; answers the tag. */
    private String publishedUnderNewTag(String prefix, String headline) {
        String name = prefix + UUID.randomUUID().toString().substring(0, 8);
        newsroom.published(TestArticle.headlined(headline).tags(name));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(text(tag(name, "rss.xml"))).contains(headline));
        return name;
    }

    /** Sends the requests eight at a time, as a crawler would; answers how many got each status. */
    private static Map<Integer, Integer> requestAll(int count, IntFunction<String> path) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String base = "http://localhost:" + RestAssured.port;
        Semaphore inFlight = new Semaphore(8);
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        for (int i = 0; i < count; i++) {
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(URI.create(base + path.apply(i))).build();
            client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                int status = failure == null ? response.statusCode() : -1;
                statuses.computeIfAbsent(status, s -> new AtomicInteger()).incrementAndGet();
                inFlight.release();
            });
        }
        inFlight.acquire(8);
        Map<Integer, Integer> counts = new java.util.TreeMap<>();
        statuses.forEach((status, n) -> counts.put(status, n.get()));
        return counts;
    }

    /** Heap in use after full collections: what the service holds on to, not what it allocated. */
    private static long retainedHeap() {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }
}
