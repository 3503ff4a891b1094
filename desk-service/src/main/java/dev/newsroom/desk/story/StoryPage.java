package dev.newsroom.desk.story;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of the story list as article-service returns it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoryPage(List<Story> items, long total, int page, int size) {

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return (long) (page + 1) * size < total;
    }

    public long firstShown() {
        return items.isEmpty() ? 0 : (long) page * size + 1;
    }

    public long lastShown() {
        return (long) page * size + items.size();
    }
}
