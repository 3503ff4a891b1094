package dev.newsroom.bench;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The Authorization header every benchmark signs its API calls with. */
public final class BasicAuthorization {

    private BasicAuthorization() {
    }

    /** {@code user:password} as an HTTP Basic credential. */
    public static String of(String userAndPassword) {
        return "Basic " + Base64.getEncoder().encodeToString(userAndPassword.getBytes(StandardCharsets.UTF_8));
    }
}
