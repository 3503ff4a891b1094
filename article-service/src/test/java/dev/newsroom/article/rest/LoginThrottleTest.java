package dev.newsroom.article.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;

/**
 * Password guessing over HTTP Basic meets 429 with Retry-After, per user name and address and per address, while
 * the right password keeps working for other users and from other addresses. Each guesser is a different loopback
 * address (127.0.0.x), as separate machines would be.
 */
@QuarkusTest
@TestProfile(LoginThrottleTest.LowLimits.class)
@WithTestResource(NewsroomTestResource.class)
class LoginThrottleTest {

    /** Small limits, so a test reaches them in a few requests. */
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.login-throttle.per-user-and-address", "3",
                    "newsroom.login-throttle.per-address", "6",
                    "newsroom.login-throttle.per-user", "1000");
        }
    }

    @Test
    void guessingOnePasswordIsThrottledForThatUserAtThatAddressOnly() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(get("127.0.0.2", "writer", "guess" + i)).startsWith("HTTP/1.1 401");
        }
        String refused = get("127.0.0.2", "writer", "guess3");
        assertThat(refused).startsWith("HTTP/1.1 429").containsIgnoringCase("retry-after: ")
                .containsIgnoringCase("content-type: application/problem+json").contains("\"status\":429");
        assertThat(retryAfter(refused)).isBetween(1L, 15L * 60);
        // throttled whatever the password: a guesser must not learn that a guess was right
        assertThat(get("127.0.0.2", "writer", "writer")).startsWith("HTTP/1.1 429");

        assertThat(get("127.0.0.3", "writer", "writer")).startsWith("HTTP/1.1 200");
        assertThat(get("127.0.0.2", "editor", "editor")).startsWith("HTTP/1.1 200");
    }

    @Test
    void guessingManyUsersFromOneAddressIsThrottledForThatAddress() throws IOException {
        for (int i = 0; i < 6; i++) {
            assertThat(get("127.0.0.4", "user" + i, "guess")).startsWith("HTTP/1.1 401");
        }
        assertThat(get("127.0.0.4", "editor", "editor")).startsWith("HTTP/1.1 429");
        assertThat(get("127.0.0.5", "editor", "editor")).startsWith("HTTP/1.1 200");
    }

    /** A GET of the article list from the given local address, answering the status line and headers. */
    private static String get(String from, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 10_000);
            socket.setSoTimeout(10_000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/articles?size=1 HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static long retryAfter(String response) {
        for (String line : response.split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("retry-after:")) {
                return Long.parseLong(line.substring("retry-after:".length()).strip());
            }
        }
        throw new AssertionError("no Retry-After in " + response);
    }
}
