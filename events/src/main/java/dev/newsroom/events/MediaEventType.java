package dev.newsroom.events;

/** What happened to an image asset, as the CloudEvents {@code type} on {@link Topics#MEDIA}. */
public enum MediaEventType {
    CREATED("newsroom.media.created"),
    UPDATED("newsroom.media.updated"),
    DELETED("newsroom.media.deleted");

    private final String cloudEventType;

    MediaEventType(String cloudEventType) {
        this.cloudEventType = cloudEventType;
    }

    public String cloudEventType() {
        return cloudEventType;
    }

    public static MediaEventType fromCloudEventType(String type) {
        for (MediaEventType candidate : values()) {
            if (candidate.cloudEventType.equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown media event type: " + type);
    }
}
