package dev.newsroom.media.rest;

/** What the picture desk may edit on an asset. */
public record DescriptionInput(String caption, String credit, String altText) {
}
