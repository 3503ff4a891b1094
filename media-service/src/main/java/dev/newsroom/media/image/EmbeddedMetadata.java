package dev.newsroom.media.image;

/** Caption, credit and by-line as an agency embeds them in IPTC or XMP; each is null where the file has none. */
public record EmbeddedMetadata(String caption, String credit, String byline) {

    private static final EmbeddedMetadata EMPTY = new EmbeddedMetadata(null, null, null);

    public static EmbeddedMetadata empty() {
        return EMPTY;
    }
}
