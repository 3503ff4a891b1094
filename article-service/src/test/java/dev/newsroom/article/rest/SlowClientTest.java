package dev.newsroom.article.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.newsroom.testsupport.NewsroomTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/** A body trickled at 100 bytes a second is cut off with a 408 soon after the grace period, not held for minutes. */
@QuarkusTest
@WithTestResource(NewsroomTestResource.class)
class SlowClientTest {

    @Test
    void aTrickledBodyIsCutOff() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(1_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/articles HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic d3JpdGVyOndyaXRlcg==\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            StringBuilder answer = new StringBuilder();
            byte[] trickle = " ".repeat(100).getBytes(StandardCharsets.US_ASCII);
            while (TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start) < 40) {
                try {
                    out.write(trickle);
                    out.flush();
                } catch (IOException closed) {
                    break;
                }
                try {
                    int read = socket.getInputStream().read();
                    if (read < 0) {
                        break;
                    }
                    answer.append((char) read);
                    answer.append(new String(socket.getInputStream().readNBytes(
                            socket.getInputStream().available()), StandardCharsets.UTF_8));
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing yet: the server is still waiting for the body; send the next 100 bytes
                }
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
            assertThat(answer.toString()).startsWith("HTTP/1.1 408").contains("application/problem+json");
            assertThat(seconds).as("seconds until the slow body was cut off").isLessThan(20);
        }
    }
}
