package dev.newsroom.events;

/** An event type of the contract, named by its CloudEvents {@code type} attribute. */
public interface CloudEventType {

    String cloudEventType();

    /**
     * The one of {@code types} whose CloudEvents type is {@code type}.
     *
     * @param kind what the types are of, for the error ("article", "media")
     */
    static <E extends CloudEventType> E parse(E[] types, String type, String kind) {
        for (E candidate : types) {
            if (candidate.cloudEventType().equals(type)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("unknown " + kind + " event type: " + type);
    }
}
