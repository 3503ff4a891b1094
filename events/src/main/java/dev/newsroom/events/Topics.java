package dev.newsroom.events;

/** The Kafka topics of the public contract, one place for every service and the local platform. */
public final class Topics {

    public static final String ARTICLES = "newsroom.articles";
    public static final String MEDIA = "newsroom.media";
    public static final String ARTICLES_DEAD_LETTER = "newsroom.articles.dlq";
    public static final String MEDIA_DEAD_LETTER = "newsroom.media.dlq";

    private Topics() {
    }
}
