package dev.newsroom.article.rest;

import static dev.newsroom.article.EditorsApi.createDraft;
import static dev.newsroom.article.EditorsApi.draft;
import static dev.newsroom.article.EditorsApi.editor;
import static dev.newsroom.article.EditorsApi.etag;
import static dev.newsroom.article.EditorsApi.json;
import static dev.newsroom.article.EditorsApi.unique;
import static dev.newsroom.article.EditorsApi.writer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/** Two people saving the same article at the same moment: one wins, the other is told, and no save is lost. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class ConcurrentEditingTest {

    private static final int ROUNDS = 5;

    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void twoEditorsRaceWithTheSameETagOneWinsTheOtherGets412AndNothingIsLost() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String id = createDraft(unique("Race"));
            String etag = etag(id);
            CyclicBarrier start = new CyclicBarrier(2);
            Future<Response> alice = pool.submit(save(start, id, etag, "Alice's version"));
            Future<Response> bob = pool.submit(save(start, id, etag, "Bob's version"));
            Response first = alice.get(30, TimeUnit.SECONDS);
            Response second = bob.get(30, TimeUnit.SECONDS);

            assertThat(List.of(first.statusCode(), second.statusCode())).containsExactlyInAnyOrder(200, 412);
            Response winner = first.statusCode() == 200 ? first : second;
            Response loser = first.statusCode() == 200 ? second : first;
            assertThat(loser.contentType()).startsWith("application/problem+json");
            String winnerHeadline = winner.path("headline");
            String loserHeadline = winnerHeadline.startsWith("Alice") ? "Bob's version" : "Alice's version";

            JsonPath current = writer().get("/api/articles/{id}", id).then().extract().jsonPath();
            assertThat(current.getString("headline")).isEqualTo(winnerHeadline);
            assertThat(current.getInt("revision")).isEqualTo(2);

            // The loser reloads and saves again: both saves are now in the history, in order.
            editor().header("If-Match", etag(id)).body(json(draft(loserHeadline))).put("/api/articles/{id}", id)
                    .then().statusCode(200);
            JsonPath history = writer().get("/api/articles/{id}/revisions", id).then().extract().jsonPath();
            assertThat(history.getList("headline")).startsWith(loserHeadline, winnerHeadline);
            assertThat(history.getList("revision", Integer.class)).containsExactly(3, 2, 1);
        }
    }

    @Test
    void twoSavesRacingWithTheSameBodyVersionOneWinsTheOtherGets409() throws Exception {
        String id = createDraft(unique("Body race"));
        CyclicBarrier start = new CyclicBarrier(2);
        List<Future<Response>> saves = new ArrayList<>();
        for (String headline : List.of("First", "Second")) {
            saves.add(pool.submit(() -> {
                Map<String, Object> fields = draft(headline);
                fields.put("version", 0);
                start.await(10, TimeUnit.SECONDS);
                return writer().body(json(fields)).put("/api/articles/{id}", id);
            }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> save : saves) {
            statuses.add(save.get(30, TimeUnit.SECONDS).statusCode());
        }
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        writer().get("/api/articles/{id}/revisions", id).then().statusCode(200)
                .body("size()", equalTo(2));
    }

    @Test
    void simultaneousDraftsWithTheSameHeadlineGetDistinctSlugs() throws Exception {
        String headline = unique("Same headline");
        int writers = 6;
        CyclicBarrier start = new CyclicBarrier(writers);
        List<Future<Response>> creates = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            creates.add(pool.submit(() -> {
                start.await(10, TimeUnit.SECONDS);
                return writer().body(json(draft(headline))).post("/api/articles");
            }));
        }
        Set<String> slugs = new HashSet<>();
        for (Future<Response> create : creates) {
            Response response = create.get(30, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            slugs.add(response.path("slug"));
        }
        String base = headline.toLowerCase().replace(' ', '-');
        assertThat(slugs).containsExactlyInAnyOrder(base, base + "-2", base + "-3", base + "-4", base + "-5",
                base + "-6");
    }

    private static Callable<Response> save(CyclicBarrier start, String id, String etag, String headline) {
        return () -> {
            start.await(10, TimeUnit.SECONDS);
            return editor().header("If-Match", etag).body(json(draft(headline))).put("/api/articles/{id}", id);
        };
    }
}
