package dev.newsroom.events.content;

/**
 * How long the text about an image may be, in Unicode code points: one pair of numbers for media-service (the
 * asset's own caption and credit) and article-service (a lead image's caption and credit that override them), so
 * that a caption the picture desk saved can always be copied into an article and back.
 */
public final class ImageTextLimits {

    /** A caption is a paragraph or two; agencies' captions with their standing notes reach a few thousand. */
    public static final int CAPTION_MAX = 5000;
    /** The credit is a few words ("Jane Doe / Agency"); 500 leaves room for pooled and multi-agency credits. */
    public static final int CREDIT_MAX = 500;
    /** Alternative text describes the picture for someone who cannot see it; longer belongs in the caption. */
    public static final int ALT_TEXT_MAX = 2000;

    private ImageTextLimits() {
    }
}
