package dev.newsroom.bench.drill;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

import dev.newsroom.bench.BasicAuthorization;

/** HTTP calls of a drill, each bounded, each reported with its status and time instead of throwing. */
@RequiredArgsConstructor(access = AccessLevel.PACKAGE)
final class Http {

    /** What one call gave: status 0 when none came (refused, reset, timed out), with the reason. */
    record Reply(int status, long millis, String body, HttpResponse<String> response, String error) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String header(String name) {
            return response == null ? null : response.headers().firstValue(name).orElse(null);
        }
    }

    static final String EDITOR = BasicAuthorization.of("editor:editor");
    static final String WRITER = BasicAuthorization.of("writer:writer");

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Duration timeout;

    Reply get(String url) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout).GET().build());
    }

    Reply postJson(String url, String authorization, String json) {
        return send(HttpRequest.newBuilder(URI.create(url)).timeout(timeout)
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    Reply send(HttpRequest request) {
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), millisSince(started), response.body(), response, null);
        } catch (IOException e) {
            return new Reply(0, millisSince(started), "", null, e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Reply(0, millisSince(started), "", null, "interrupted");
        }
    }

    static long millisSince(long nanos) {
        return (System.nanoTime() - nanos) / 1_000_000;
    }
}
