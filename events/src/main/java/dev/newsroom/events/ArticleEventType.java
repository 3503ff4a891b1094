package dev.newsroom.events;

/** What happened to an article, as the CloudEvents {@code type} on {@link Topics#ARTICLES}. */
public enum ArticleEventType {
    PUBLISHED("newsroom.article.published"),
    UPDATED("newsroom.article.updated"),
    UNPUBLISHED("newsroom.article.unpublished");

    private final String cloudEventType;

    ArticleEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public static ArticleEventType fromCloudEventType(String type) {
        for (ArticleEventType candidate : values()) {
            if (candidate.cloudEventType.equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown article event type: " + type);
    }
}
