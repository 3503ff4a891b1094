package dev.newsroom.media.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.sun.net.httpserver.HttpExchange;

import dev.newsroom.testsupport.LoopbackHttpServer;

/**
 * The S3 adapter against a small in-process fake of the S3 REST API (PUT, GET, DELETE of objects, path style). It
 * shows what the adapter sends and how it reads answers; it is no substitute for a run against real S3 or MinIO.
 */
class S3StorageTest {

    private static final String BUCKET = "newsroom-media";

    private FakeS3 s3;
    private S3Storage storage;

    @TempDir
    Path dir;

    @BeforeEach
    void start() throws IOException {
        s3 = new FakeS3();
        storage = S3Storage.create(new S3Storage.Settings(Optional.of(s3.endpoint()), "eu-central-1", BUCKET,
                Optional.of("AKIDNEWSROOMTEST"), Optional.of("secret"), true));
    }

    @AfterEach
    void stop() {
        storage.close();
        s3.stop();
    }

    @Test
    void storesAndReadsBackBytesAndFiles() throws IOException {
        byte[] thumb = "a small rendition".getBytes(StandardCharsets.UTF_8);
        byte[] upload = new byte[3 * 1024 * 1024 + 17];
        new Random(7).nextBytes(upload);
        Path file = Files.write(dir.resolve("upload.jpg"), upload);

        storage.put("4f1c/thumb", thumb);
        storage.put("4f1c/upload", file);

        assertThat(s3.objects).containsOnlyKeys(BUCKET + "/4f1c/thumb", BUCKET + "/4f1c/upload");
        assertThat(read(storage.get("4f1c/thumb"))).isEqualTo(thumb);
        assertThat(read(storage.get("4f1c/upload"))).isEqualTo(upload);
    }

    @Test
    void answersEmptyForAMissingObjectAndDeletes() throws IOException {
        storage.put("4f1c/large", new byte[] {1, 2, 3});

        storage.delete("4f1c/large");

        assertThat(storage.get("4f1c/large")).isEmpty();
        assertThat(s3.objects).isEmpty();
    }

    @Test
    void signsEveryRequestWithSigV4ForTheRegionAndPutsTheBucketInThePath() throws IOException {
        storage.put("4f1c/original", new byte[] {1});
        storage.get("4f1c/original").orElseThrow().close();
        storage.delete("4f1c/original");

        assertThat(s3.requests).extracting(FakeS3.Request::line)
                .containsExactly("PUT /newsroom-media/4f1c/original", "GET /newsroom-media/4f1c/original",
                        "DELETE /newsroom-media/4f1c/original");
        assertThat(s3.requests).allSatisfy(request -> assertThat(request.authorization())
                .startsWith("AWS4-HMAC-SHA256 Credential=AKIDNEWSROOMTEST/")
                .contains("/eu-central-1/s3/aws4_request"));
    }

    @Test
    void reportsARefusalAsAnIoErrorNamingKeyAndBucket() {
        s3.refuseAll = true;

        assertThatThrownBy(() -> storage.put("4f1c/thumb", new byte[] {1}))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("4f1c/thumb")
                .hasMessageContaining(BUCKET)
                .hasMessageContaining("Access Denied");
    }

    private static byte[] read(Optional<InputStream> stream) throws IOException {
        assertThat(stream).isPresent();
        try (InputStream in = stream.get()) {
            return in.readAllBytes();
        }
    }

    /** Objects in memory behind the few S3 calls the adapter makes; undoes the SDK's aws-chunked upload encoding. */
    private static final class FakeS3 {

        record Request(String line, String authorization) {
        }

        final Map<String, byte[]> objects = new ConcurrentHashMap<>();
        final List<Request> requests = new CopyOnWriteArrayList<>();
        volatile boolean refuseAll;
        private final LoopbackHttpServer server = LoopbackHttpServer.start("/", this::handle);

        String endpoint() {
            return server.url();
        }

        void stop() {
            server.close();
        }

        private void handle(HttpExchange exchange) throws IOException {
            try (exchange) {
                String path = exchange.getRequestURI().getPath().substring(1);
                requests.add(new Request(exchange.getRequestMethod() + " /" + path,
                        exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = exchange.getRequestBody().readAllBytes();
                if (refuseAll) {
                    error(exchange, 403, "AccessDenied", "Access Denied");
                    return;
                }
                switch (exchange.getRequestMethod()) {
                    case "PUT" -> {
                        objects.put(path, decoded(exchange, body));
                        exchange.getResponseHeaders().add("ETag", "\"fake\"");
                        exchange.sendResponseHeaders(200, -1);
                    }
                    case "GET" -> {
                        byte[] object = objects.get(path);
                        if (object == null) {
                            error(exchange, 404, "NoSuchKey", "The specified key does not exist.");
                            return;
                        }
                        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
                        exchange.sendResponseHeaders(200, object.length);
                        exchange.getResponseBody().write(object);
                    }
                    case "DELETE" -> {
                        objects.remove(path);
                        exchange.sendResponseHeaders(204, -1);
                    }
                    default -> error(exchange, 405, "MethodNotAllowed", "not faked");
                }
            }
        }

        /** The object's bytes: the body itself, or its data chunks when the SDK signed it chunk by chunk. */
        private static byte[] decoded(HttpExchange exchange, byte[] body) {
            String sha = exchange.getRequestHeaders().getFirst("x-amz-content-sha256");
            if (sha == null || !sha.startsWith("STREAMING-")) {
                return body;
            }
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            int at = 0;
            while (true) {
                int lineEnd = indexOf(body, at);
                String header = new String(body, at, lineEnd - at, StandardCharsets.US_ASCII);
                int size = Integer.parseInt(header.split(";")[0], 16);
                if (size == 0) {
                    return data.toByteArray();
                }
                data.write(body, lineEnd + 2, size);
                at = lineEnd + 2 + size + 2;
            }
        }

        private static int indexOf(byte[] body, int from) {
            for (int i = from; i + 1 < body.length; i++) {
                if (body[i] == '\r' && body[i + 1] == '\n') {
                    return i;
                }
            }
            throw new IllegalStateException("no chunk header line");
        }

        private static void error(HttpExchange exchange, int status, String code, String message) throws IOException {
            byte[] xml = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                    + "</Message><RequestId>fake</RequestId></Error>").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/xml");
            exchange.sendResponseHeaders(status, xml.length);
            exchange.getResponseBody().write(xml);
        }
    }
}
