package dev.newsroom.bench.busiest;

import java.util.List;

/** A story this benchmark wrote: what it needs to save it again (every field, the last ETag) and to find it. */
final class Story {

    final String id;
    final String slug;
    final String headline;
    final String section;
    final List<String> tags;
    final String mediaId;
    volatile String etag;
    volatile int paragraphs;

    Story(String id, String slug, String headline, String section, List<String> tags, String mediaId, String etag,
            int paragraphs) {
        this.id = id;
        this.slug = slug;
        this.headline = headline;
        this.section = section;
        this.tags = tags;
        this.mediaId = mediaId;
        this.etag = etag;
        this.paragraphs = paragraphs;
    }
}
