package dev.newsroom.bench.drill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import java.util.function.LongPredicate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** Editors' calls to article-service: drafts in the drill's own section, and publishing them. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class Newsdesk {

    static final ObjectMapper JSON = new ObjectMapper();

    /** A draft ready to publish. */
    record Draft(String id, String headline) {
    }

    /** One drill run's drafts, in a section of their own so that its feed holds nothing else. */
    record Batch(String section, List<Draft> drafts) {
    }

    private final Platform platform;
    private final Http http;

    /** The newsdesk of a drill, its calls bounded at 10 s. */
    static Newsdesk open(Platform platform) {
        return new Newsdesk(platform, new Http(Duration.ofSeconds(10)));
    }

    Http http() {
        return http;
    }

    /** {@code count} drafts in the section drill-{name}-{run id}. */
    Batch batch(String name, int count) throws Exception {
        String run = runId();
        String section = "drill-" + name + "-" + run;
        return new Batch(section, drafts(run, section, count));
    }

    /** Watches the batch's section feed. */
    FeedWatcher watch(Batch batch) {
        return new FeedWatcher(platform, http, batch.section());
    }

    static String draftJson(String headline, String section) {
        ObjectNode draft = JSON.createObjectNode();
        draft.put("headline", headline);
        draft.put("summary", "A story of the fault drills.");
        draft.put("body", "<p>Written while something broke on purpose.</p>");
        draft.put("section", section);
        draft.putArray("tags").add("drill");
        return draft.toString();
    }

    Http.Reply create(String headline, String section) {
        return http.postJson(platform.articleUrl() + "/api/articles", Http.WRITER, draftJson(headline, section));
    }

    /** {@code count} drafts, created before the drill starts breaking things (four at a time). */
    List<Draft> drafts(String run, String section, int count) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Draft>> made = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String headline = "Drill " + run + " story " + i;
                made.add(pool.submit(() -> {
                    Http.Reply reply = create(headline, section);
                    if (reply.status() != 201) {
                        throw new IllegalStateException("creating a draft answered " + reply.status() + " "
                                + reply.body() + (reply.error() == null ? "" : reply.error()));
                    }
                    return new Draft(JSON.readTree(reply.body()).path("id").asText(), headline);
                }));
            }
            List<Draft> drafts = new ArrayList<>();
            for (Future<Draft> draft : made) {
                drafts.add(draft.get());
            }
            return drafts;
        } finally {
            pool.shutdownNow();
        }
    }

    Http.Reply publish(String id) {
        return http.postJson(platform.articleUrl() + "/api/articles/" + id + "/publish", Http.EDITOR, "{}");
    }

    static String slug(Http.Reply published) {
        try {
            JsonNode body = JSON.readTree(published.body());
            return body.path("slug").asText(null);
        } catch (Exception e) {
            return null;
        }
    }

    static Duration sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return Duration.ofNanos(Math.max(0, wait));
    }

    /** A short id for one drill run, so that its stories and sections never meet another run's. */
    static String runId() {
        return Long.toString(System.currentTimeMillis() % 1_000_000, 36);
    }

    /**
     * Calls {@code step} with 0, 1, 2... on a fixed schedule of {@code perSecond} from now, as long as {@code more}
     * accepts the next number; a late step does not shift the ones after it. Returns when interrupted.
     */
    static void paced(double perSecond, LongPredicate more, LongConsumer step) {
        long start = System.nanoTime();
        for (long i = 0; more.test(i); i++) {
            try {
                sleepUntil(start + (long) (i * 1e9 / perSecond));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            step.accept(i);
        }
    }
}
