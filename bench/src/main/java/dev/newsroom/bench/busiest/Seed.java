package dev.newsroom.bench.busiest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * What the newsroom holds before the hour starts, made through the public API: lead photos, published stories in
 * every section and tag (so that feeds are full), the drafts the desk will publish, and one draft per editor.
 */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class Seed {

    private static final int PARALLEL = 4;
    private final Api api;
    private final String run;

    List<String> uploadLeads(List<Photo> photos) throws Exception {
        List<String> ids = new ArrayList<>();
        for (Photo photo : photos) {
            HttpResponse<String> response = api.upload(photo).get(60, TimeUnit.SECONDS);
            expect(response, 201, "uploading a lead photo");
            ids.add(Api.tree(response.body()).path("id").asText());
        }
        return ids;
    }

    /** Stories made in parallel; published too when asked. */
    List<Story> stories(String kind, int count, List<String> mediaIds, int paragraphs, boolean publish)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<Story>> made = new ArrayList<>();
            for (int n = 0; n < count; n++) {
                int number = n;
                String media = mediaIds.isEmpty() || n % 2 == 1 ? null : mediaIds.get(n % mediaIds.size());
                Callable<Story> task = () -> {
                    Story story = create(kind, number, media, paragraphs);
                    if (publish) {
                        HttpResponse<String> published = api.publish(story).get(30, TimeUnit.SECONDS);
                        expect(published, 200, "publishing a seeded story");
                        story.etag = Api.etag(published);
                    }
                    return story;
                };
                made.add(pool.submit(task));
            }
            List<Story> stories = new ArrayList<>();
            for (Future<Story> story : made) {
                stories.add(story.get(5, TimeUnit.MINUTES));
            }
            return stories;
        } finally {
            pool.shutdownNow();
        }
    }

    private Story create(String kind, int n, String mediaId, int paragraphs) throws Exception {
        String headline = Copy.headline(run, kind, n);
        String json = Api.articleJson(headline, Copy.section(n), Copy.tags(n), mediaId, Copy.body(paragraphs, 0),
                null);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            HttpResponse<String> response = api.create(json).get(30, TimeUnit.SECONDS);
            // article-service learns of a new photo from Kafka: a lead image uploaded a moment ago may not be known yet
            if (response.statusCode() == 422 && response.body().contains("leadImage")
                    && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(200);
                continue;
            }
            expect(response, 201, "creating a story");
            JsonNode created = Api.tree(response.body());
            return new Story(created.path("id").asText(), created.path("slug").asText(), headline, Copy.section(n),
                    Copy.tags(n), mediaId, Api.etag(response), paragraphs);
        }
    }

    /** Waits until the last seeded story is in the main feed, so the hour starts on full feeds. */
    void awaitInFeed(Story story) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Answer feed = api.look("/feeds/sections/" + story.section + "/rss.xml", null).get(30, TimeUnit.SECONDS);
            if (feed.status() == 200 && feed.body().contains("/articles/" + story.slug + "<")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new IllegalStateException("the seeded story " + story.slug + " is not in its section feed after 60 s");
    }

    static void expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            throw new IllegalStateException(what + " answered " + response.statusCode() + ": " + response.body());
        }
    }
}
