package dev.newsroom.media.rest;

import java.util.List;

/** One page of assets, newest upload first; {@code total} counts every asset the filter matches. */
public record MediaList(List<MediaView> items, long total, int page, int size) {
}
