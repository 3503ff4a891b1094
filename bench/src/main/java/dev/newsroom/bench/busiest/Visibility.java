package dev.newsroom.bench.busiest;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import dev.newsroom.bench.Daemons;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * Publish -> visible: after a workflow call returns, a reader polls what should change (the story's section feed,
 * its page) with conditional GETs a few milliseconds apart until it shows, and the delay from the call's return is
 * recorded. One short chain of polls per story, so the polling costs a few dozen requests a second.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class Visibility {

    private static final long GIVE_UP_NANOS = TimeUnit.SECONDS.toNanos(30);
    private final Api api;
    private final Window window;
    private final long pauseMillis;
    private final ScheduledExecutorService timer =
            Executors.newSingleThreadScheduledExecutor(Daemons.named("visibility"));

    /** Polls path until shown says yes; then records the delay since fromNanos and runs then. */
    void await(String path, Predicate<Answer> shown, long fromNanos, boolean measured, Part part,
            String what, Runnable then) {
        window.sent();
        poll(path, null, shown, fromNanos, measured, part, what, then);
    }

    private void poll(String path, String etag, Predicate<Answer> shown, long from, boolean measured,
            Part part, String what, Runnable then) {
        api.look(path, etag).whenComplete((response, failure) -> {
            long now = System.nanoTime();
            if (failure == null && shown.test(response)) {
                part.ok(measured, now - from, "seen");
                window.done();
                then.run();
                return;
            }
            if (now - from > GIVE_UP_NANOS) {
                part.error(measured, now - from, "not seen in 30 s", what + ": not seen at " + path + " within 30 s"
                        + (failure == null ? ", last answer " + response.status() : ", " + Window.describe(failure)));
                window.done();
                return;
            }
            String next = failure == null && response.status() == 200 ? response.etag() : etag;
            timer.schedule(() -> poll(path, next, shown, from, measured, part, what, then), pauseMillis,
                    TimeUnit.MILLISECONDS);
        });
    }
}
