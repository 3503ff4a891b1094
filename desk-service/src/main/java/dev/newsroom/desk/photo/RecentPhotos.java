package dev.newsroom.desk.photo;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** One page of media-service's recent uploads, newest first, as the photo picker lists them. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record RecentPhotos(List<Photo> items, long total, int page, int size) {

    /** One uploaded photo: what the picker shows, and what choosing it fills into the story. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Photo(String id, String caption, String credit, String byline, String altText, String fileName,
            String createdBy, Instant createdAt) {

        /** What the picker says the photo is: its caption, else its file name. */
        public String label() {
            if (caption != null && !caption.isBlank()) {
                return caption;
            }
            return fileName != null && !fileName.isBlank() ? fileName : "Photo without a caption";
        }
    }

    public boolean hasNewer() {
        return page > 0;
    }

    public boolean hasOlder() {
        return (long) (page + 1) * size < total;
    }
}
