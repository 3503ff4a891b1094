package dev.newsroom.bench.busiest;

import java.util.ArrayDeque;
import java.util.List;

/**
 * Editors at their drafts: each saves their own draft (PUT with If-Match, as the desk does) on a fixed schedule.
 * An editor never has two saves of one draft out at once, as in the desk: a save due while the previous one is still
 * out leaves when that one comes back, and its latency still counts from when it was due.
 */
final class Editors {

    private final Api api;
    private final Window window;
    private final Part saves;
    private final List<Story> drafts;
    private final boolean[] busy;
    private final ArrayDeque<Long>[] waiting;
    private long saveNumber;

    @SuppressWarnings("unchecked")
    Editors(Api api, Window window, Part saves, List<Story> drafts) {
        this.api = api;
        this.window = window;
        this.saves = saves;
        this.drafts = drafts;
        this.busy = new boolean[drafts.size()];
        this.waiting = new ArrayDeque[drafts.size()];
        for (int i = 0; i < waiting.length; i++) {
            waiting[i] = new ArrayDeque<>();
        }
    }

    /** Arrival i belongs to editor i mod n: with a rate of n per interval, each editor saves once an interval. */
    void arrive(long index, long due) {
        int editor = (int) (index % drafts.size());
        synchronized (waiting[editor]) {
            if (busy[editor]) {
                waiting[editor].add(due);
                return;
            }
            busy[editor] = true;
        }
        save(editor, due);
    }

    private void save(int editor, long due) {
        Story draft = drafts.get(editor);
        draft.paragraphs = draft.paragraphs % 12 + 1; // typing on: the draft grows, then starts a new take
        long save;
        synchronized (this) {
            save = ++saveNumber;
        }
        String json = Api.articleJson(draft.headline, draft.section, draft.tags, null,
                Copy.body(draft.paragraphs, save), null);
        boolean measured = window.measured(due);
        window.sent();
        api.save(draft, json, Api.WRITER).whenComplete((response, failure) -> {
            long latency = System.nanoTime() - due;
            if (failure == null && response.statusCode() == 200) {
                draft.etag = Api.etag(response);
                saves.ok(measured, latency, "200");
                next(editor);
            } else {
                saves.error(measured, latency, failure == null ? Integer.toString(response.statusCode()) : "no answer",
                        "PUT /api/articles/" + draft.id + " (If-Match " + draft.etag + "): "
                                + (failure == null ? response.statusCode() + " " + response.body()
                                        : Window.describe(failure)));
                refresh(editor, draft);
            }
            window.done();
        });
    }

    /** After a failed save the editor reloads the draft, as the desk does, and goes on with its current ETag. */
    private void refresh(int editor, Story draft) {
        api.get(draft).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 200) {
                draft.etag = Api.etag(response);
            }
            next(editor);
        });
    }

    private void next(int editor) {
        Long due;
        synchronized (waiting[editor]) {
            due = waiting[editor].poll();
            if (due == null) {
                busy[editor] = false;
                return;
            }
        }
        save(editor, due);
    }
}
