package dev.newsroom.page;

import java.net.URI;
import java.util.List;
import java.util.Objects;

import dev.newsroom.events.ArticleSnapshot;
import dev.newsroom.events.MediaAssetSnapshot;

/**
 * A listing of stories (front page, section, tag), newest first: its heading, address, feeds, one page of stories,
 * and the neighbouring pages (null at either end). leadStory makes the first story the big one (front page, page 1).
 */
public record ListPage(String heading, String intro, URI canonical, String currentSection, List<Site.Feed> feeds,
        List<Story> stories, URI newer, URI older, boolean leadStory) {

    public ListPage {
        Objects.requireNonNull(heading, "heading");
        Objects.requireNonNull(canonical, "canonical");
        feeds = feeds == null ? List.of() : List.copyOf(feeds);
        stories = stories == null ? List.of() : List.copyOf(stories);
    }

    /** One story of the listing with its lead photo's asset (null when none). */
    public record Story(ArticleSnapshot article, MediaAssetSnapshot leadAsset) {

        public Story {
            Objects.requireNonNull(article, "article");
        }
    }
}
