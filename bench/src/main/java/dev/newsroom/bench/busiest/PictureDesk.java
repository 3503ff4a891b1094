package dev.newsroom.bench.busiest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/** The picture desk: uploads of the photo mix at a fixed rate, each timed per kind as well (encodings differ). */
final class PictureDesk {

    private final Api api;
    private final Window window;
    private final List<Photo> mix;
    final Part uploads;
    private final Map<String, Histogram> byKind = new ConcurrentHashMap<>();
    private final Queue<String> uploaded = new ConcurrentLinkedQueue<>();

    PictureDesk(Api api, Window window, List<Photo> mix, double perSecond) {
        this.api = api;
        this.window = window;
        this.mix = mix;
        this.uploads = new Part(window, "photo uploads (POST /api/media)", "photos", perSecond);
    }

    void arrive(long index, long due) {
        Photo photo = mix.get((int) (index % mix.size()));
        boolean measured = window.measured(due);
        window.sent();
        api.upload(photo).whenComplete((response, failure) -> {
            long latency = System.nanoTime() - due;
            if (failure == null && response.statusCode() == 201) {
                uploads.ok(measured, latency, "201");
                uploaded.add(Api.tree(response.body()).path("id").asText());
                if (measured) {
                    Histogram kind = byKind.computeIfAbsent(photo.label(), key -> new Histogram(3));
                    synchronized (kind) {
                        kind.recordValue(latency / 1_000_000);
                    }
                }
            } else {
                uploads.error(measured, latency, failure == null ? Integer.toString(response.statusCode())
                        : "no answer", "POST /api/media " + photo.label() + ": " + (failure == null
                                ? response.statusCode() + " " + response.body() : Window.describe(failure)));
            }
            window.done();
        });
    }

    int uploaded() {
        return uploaded.size();
    }

    /** The hour's uploads are deleted at its end, so that repeated runs do not fill the disk with 24 Mpx originals. */
    int deleteUploaded() {
        int deleted = 0;
        for (String id : uploaded) {
            try {
                if (api.deleteMedia(id).get(30, TimeUnit.SECONDS).statusCode() / 100 == 2) {
                    deleted++;
                }
            } catch (Exception e) {
                System.out.printf("deleting photo %s: %s%n", id, Window.describe(e));
            }
        }
        return deleted;
    }

    /** Milliseconds per kind of photo: count, median, max. */
    Map<String, long[]> byKind() {
        Map<String, long[]> figures = new ConcurrentSkipListMap<>();
        byKind.forEach((kind, histogram) -> {
            synchronized (histogram) {
                figures.put(kind, new long[] {histogram.getTotalCount(), histogram.getValueAtPercentile(50),
                        histogram.getMaxValue()});
            }
        });
        return figures;
    }
}
