package dev.newsroom.page;

import java.net.URI;

/** One size of a photo as a page uses it: an http(s) URL and its pixel size (0 when unknown). */
public record Rendition(String name, URI url, int width, int height) {
}
