package dev.newsroom.feed.render;

import java.util.Arrays;
import java.util.List;

import io.quarkus.logging.Log;

/**
 * Measures how long one 50-item page takes to render in each format once the JIT has warmed up. A main, not a
 * test: timings on a shared two-core machine are for reading, not for asserting. Run it with
 * {@code java -cp <test classpath> dev.newsroom.feed.render.FeedRenderTiming}.
 */
public final class FeedRenderTiming {

    private static final int WARM_UP_ROUNDS = 2_000;
    private static final int MEASURED_ROUNDS = 500;

    private FeedRenderTiming() {
    }

    public static void main(String[] args) {
        FeedRenderer renderer = new FeedRenderer();
        FeedPage page = FeedFixtures.fiftyItems();
        for (int i = 0; i < WARM_UP_ROUNDS; i++) {
            for (FeedFormat format : FeedFormat.values()) {
                renderer.render(page, format);
            }
        }
        for (FeedFormat format : FeedFormat.values()) {
            long[] nanos = new long[MEASURED_ROUNDS];
            int bytes = 0;
            for (int i = 0; i < MEASURED_ROUNDS; i++) {
                long start = System.nanoTime();
                bytes = renderer.render(page, format).length;
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            Log.infof("%-9s 50 items, %,d bytes: median %.2f ms, p90 %.2f ms, min %.2f ms", format, bytes,
                    nanos[MEASURED_ROUNDS / 2] / 1e6, nanos[MEASURED_ROUNDS * 9 / 10] / 1e6, nanos[0] / 1e6);
        }
        // the share of a feed render spent cleaning bodies (jsoup parse, clean, serialize), the dominant cost
        long[] cleaning = new long[MEASURED_ROUNDS];
        for (int i = 0; i < MEASURED_ROUNDS; i++) {
            long start = System.nanoTime();
            page.items().forEach(ItemText::contentHtml);
            cleaning[i] = System.nanoTime() - start;
        }
        Arrays.sort(cleaning);
        Log.infof("cleaning 50 bodies alone: median %.2f ms", cleaning[MEASURED_ROUNDS / 2] / 1e6);
    }
}
