package dev.newsroom.article.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** article-service's own settings, under {@code newsroom.article}. */
@ConfigMapping(prefix = "newsroom.article")
public interface ArticleConfig {

    /** Public base URL of media-service (e.g. http://localhost:8082): body images must be served from its /media/. */
    String mediaBaseUrl();

    /** Firing scheduled publications. */
    Scheduler scheduler();

    /** Checking lead images against the replica of newsroom.media. */
    LeadImage leadImage();

    /** Settings of the publication timer. */
    interface Scheduler {

        /** Whether this replica fires scheduled publications (off only in tests that simulate a stopped service). */
        @WithDefault("true")
        boolean enabled();

        /** Longest sleep between two looks at the schedule: bounds how late another replica's schedule is seen if its own replica dies. */
        @WithDefault("5s")
        Duration pollInterval();

        /** A scheduled publication later than this counts as a miss (metrics newsroom_article_schedule_*). */
        @WithDefault("5s")
        Duration lateAfter();
    }

    /** Settings of the lead-image check. */
    interface LeadImage {

        /** How long a save waits for an asset id it has not heard of yet, since an upload reaches this replica a moment later. */
        @WithDefault("3s")
        Duration grace();
    }
}
