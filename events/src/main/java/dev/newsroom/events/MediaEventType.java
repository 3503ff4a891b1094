package dev.newsroom.events;

/** What happened to an image asset, as the CloudEvents {@code type} on {@link Topics#MEDIA}. */
public enum MediaEventType implements CloudEventType {
    CREATED("newsroom.media.created"),
    UPDATED("newsroom.media.updated"),
    DELETED("newsroom.media.deleted");

    private final String cloudEventType;

    MediaEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    @Override
    public String cloudEventType() {
        return cloudEventType;
    }

    public static MediaEventType fromCloudEventType(String type) {
        return CloudEventType.parse(values(), type, "media");
    }
}
