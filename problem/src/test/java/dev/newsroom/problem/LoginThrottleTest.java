package dev.newsroom.problem;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;

/**
 * The throttle on a real Vert.x server, in front of a sign-in that accepts "name:name" as a service's Basic realm
 * does. Each guesser is a different loopback address (127.0.0.x), as separate machines would be.
 */
class LoginThrottleTest {

    private Vertx vertx;
    private HttpServer server;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        Router router = Router.router(vertx);
        new LoginThrottle(new Limits(), new ObjectMapper(), Clock.systemUTC()).install(router);
        router.route().handler(context -> {
            String user = LoginThrottle.basicUser(context.request().getHeader("Authorization")).orElse("");
            String expected = "Basic " + Base64.getEncoder().encodeToString((user + ":" + user)
                    .getBytes(StandardCharsets.UTF_8));
            context.response().setStatusCode(expected.equals(context.request().getHeader("Authorization")) ? 200 : 401)
                    .end();
        });
        server = vertx.createHttpServer().requestHandler(router).listen(0, "127.0.0.1")
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void guessingOnePasswordIsThrottledForThatUserAtThatAddressOnly() throws IOException {
        for (int i = 0; i < 3; i++) {
            assertThat(get("127.0.0.2", "writer", "guess" + i)).startsWith("HTTP/1.1 401");
        }
        String refused = get("127.0.0.2", "writer", "guess3");
        assertThat(refused).startsWith("HTTP/1.1 429").containsIgnoringCase("content-type: application/problem+json")
                .contains("\"status\":429");
        assertThat(retryAfter(refused)).isBetween(1L, 15L * 60);
        // refused whatever the password: a guesser must not learn that a guess was right
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

    @Test
    void theRightPasswordForgetsEarlierMistakes() throws IOException {
        // four mistakes in all, above the limit of three for one user at one address, below six for the address
        for (int round = 0; round < 2; round++) {
            assertThat(get("127.0.0.6", "writer", "typo")).startsWith("HTTP/1.1 401");
            assertThat(get("127.0.0.6", "writer", "typo")).startsWith("HTTP/1.1 401");
            assertThat(get("127.0.0.6", "writer", "writer")).startsWith("HTTP/1.1 200");
        }
    }

    /** Small limits, so a test reaches them in a few requests. */
    private static final class Limits implements LoginThrottleConfig {
        @Override
        public Duration window() {
            return Duration.ofMinutes(15);
        }

        @Override
        public int perUserAndAddress() {
            return 3;
        }

        @Override
        public int perAddress() {
            return 6;
        }

        @Override
        public int perUser() {
            return 1000;
        }
    }

    /** A GET from the given local address, answering the status line, headers and body. */
    private String get(String from, String user, String password) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.actualPort()), 10_000);
            socket.setSoTimeout(10_000);
            String credentials = Base64.getEncoder().encodeToString((user + ":" + password)
                    .getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + credentials
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
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
