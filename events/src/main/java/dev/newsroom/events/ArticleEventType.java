package dev.newsroom.events;

/** What happened to an article, as the CloudEvents {@code type} on {@link Topics#ARTICLES}. */
public enum ArticleEventType implements CloudEventType {
    PUBLISHED("newsroom.article.published"),
    UPDATED("newsroom.article.updated"),
    UNPUBLISHED("newsroom.article.unpublished");

    private final String cloudEventType;

    ArticleEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    @Override
    public String cloudEventType() {
        return cloudEventType;
    }

    public static ArticleEventType fromCloudEventType(String type) {
        return CloudEventType.parse(values(), type, "article");
    }
}
