package dev.newsroom.bench.busiest;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The editors' desk at its busiest: publishes of new stories with corrections and unpublishes mixed in, at a fixed
 * rate, each followed until readers see it. Of every ten operations seven publish a draft, two correct a live story
 * (saving a published story republishes it, with a correction note readers see on its page) and one takes a story
 * down. Stories meant for taking down are never read by the page readers, so a 410 there is never an error.
 */
final class Desk {

    private static final char[] PATTERN = "PPCPPUPPCP".toCharArray();
    /** One published story in four joins the stories to take down; seven publishes feed one unpublish. */
    private static final int TAKE_DOWN_EVERY = 4;

    private final Api api;
    private final Window window;
    private final Visibility visibility;
    private final Readers readers;
    private final Queue<Story> drafts;
    private final Queue<Story> live = new ConcurrentLinkedQueue<>();
    private final Queue<Story> toTakeDown = new ConcurrentLinkedQueue<>();
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong corrections = new AtomicLong();
    final Part publish;
    final Part correct;
    final Part unpublish;
    final Part publishSeen;
    final Part correctSeen;
    final Part unpublishSeen;

    Desk(Api api, Window window, Visibility visibility, Readers readers, double perSecond, List<Story> drafts,
            List<Story> seeded) {
        this.publish = new Part(window, "publish (POST .../publish)", "publish", perSecond * share('P'));
        this.correct = new Part(window, "correction (PUT a published story)", "correct", perSecond * share('C'));
        this.unpublish = new Part(window, "unpublish (POST .../unpublish)", "unpublish", perSecond * share('U'));
        this.publishSeen = new Part(window, "publish -> in its section's RSS", "published-seen", 0);
        this.correctSeen = new Part(window, "correction -> on its page", "corrected-seen", 0);
        this.unpublishSeen = new Part(window, "unpublish -> its page 410", "gone-seen", 0);
        this.api = api;
        this.window = window;
        this.visibility = visibility;
        this.readers = readers;
        this.drafts = new ConcurrentLinkedQueue<>(drafts);
        for (Story story : seeded) {
            place(story);
        }
    }

    static double share(char kind) {
        return new String(PATTERN).chars().filter(c -> c == kind).count() / (double) PATTERN.length;
    }

    void arrive(long index, long due) {
        switch (PATTERN[(int) (index % PATTERN.length)]) {
            case 'P' -> publish(due);
            case 'C' -> correct(due);
            default -> unpublish(due);
        }
    }

    private void place(Story story) {
        if (published.incrementAndGet() % TAKE_DOWN_EVERY == 0) {
            toTakeDown.add(story);
        } else {
            live.add(story);
            readers.page(story.slug);
        }
    }

    private void publish(long due) {
        boolean measured = window.measured(due);
        Story story = next(drafts, publish, measured, "no draft left",
                "no draft left to publish: the seed made too few");
        if (story != null) {
            send(publish, measured, due, "POST /api/articles/" + story.id + "/publish", () -> api.publish(story),
                    (response, returned) -> {
                        story.etag = Api.etag(response);
                        visibility.await("/feeds/sections/" + story.section + "/rss.xml",
                                feed -> feed.status() == 200 && feed.body().contains("/articles/" + story.slug + "<"),
                                returned, measured, publishSeen, "published " + story.slug, () -> place(story));
                    }, () -> { });
        }
    }

    private void correct(long due) {
        boolean measured = window.measured(due);
        Story story = next(live, correct, measured, "no live story", "no live story left to correct");
        if (story != null) {
            String note = "Correction " + corrections.incrementAndGet()
                    + ": an earlier version gave the wrong vote count.";
            String json = Api.articleJson(story.headline, story.section, story.tags, story.mediaId,
                    Copy.body(story.paragraphs, 0), note);
            send(correct, measured, due, "PUT /api/articles/" + story.id + " (published, If-Match " + story.etag + ")",
                    () -> api.save(story, json, Api.EDITOR), (response, returned) -> {
                        story.etag = Api.etag(response);
                        visibility.await("/articles/" + story.slug,
                                page -> page.status() == 200 && page.body().contains(note), returned, measured,
                                correctSeen, "corrected " + story.slug, () -> live.add(story));
                    }, () -> live.add(story));
        }
    }

    private void unpublish(long due) {
        boolean measured = window.measured(due);
        Story story = next(toTakeDown, unpublish, measured, "no story to take down",
                "no published story left to take down");
        if (story != null) {
            send(unpublish, measured, due, "POST /api/articles/" + story.id + "/unpublish",
                    () -> api.unpublish(story, "Legal review"), (response, returned) ->
                            visibility.await("/articles/" + story.slug, page -> page.status() == 410, returned,
                                    measured, unpublishSeen, "unpublished " + story.slug, () -> { }),
                    () -> { });
        }
    }

    /** The next story to work on, or null (an error of the part: the hour ran out of stories of that kind). */
    private static Story next(Queue<Story> stories, Part part, boolean measured, String error, String detail) {
        Story story = stories.poll();
        if (story == null) {
            part.error(measured, 0, error, detail);
        }
        return story;
    }

    /**
     * Sends one editor's call and records its answer in the part, latency from the due time; a 200 goes on to
     * {@code then} with the response and when it returned, anything else to {@code otherwise}.
     */
    private void send(Part part, boolean measured, long due, String call,
            Supplier<CompletableFuture<HttpResponse<String>>> request,
            BiConsumer<HttpResponse<String>, Long> then, Runnable otherwise) {
        window.sent();
        request.get().whenComplete((response, failure) -> {
            long returned = System.nanoTime();
            if (answered(part, response, failure, measured, returned - due, call)) {
                then.accept(response, returned);
            } else {
                otherwise.run();
            }
            window.done();
        });
    }

    private static boolean answered(Part part, HttpResponse<String> response, Throwable failure, boolean measured,
            long latency, String call) {
        if (failure == null && response.statusCode() == 200) {
            part.ok(measured, latency, "200");
            return true;
        }
        part.error(measured, latency, failure == null ? Integer.toString(response.statusCode()) : "no answer",
                call + ": " + (failure == null ? response.statusCode() + " " + response.body()
                        : Window.describe(failure)));
        return false;
    }
}
