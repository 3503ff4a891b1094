package dev.newsroom.bench.busiest;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;

import dev.newsroom.bench.BasicAuthorization;
import dev.newsroom.bench.Daemons;

import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The platform's public API as CONTRACT.md and the README give it, every call asynchronous: article-service (HTTP
 * Basic, writer/writer and editor/editor as on the local platform), media-service uploads, feed-service's feeds and
 * pages. Editors' calls go through the JDK's HttpClient; readers' GETs, thousands a second, through Vert.x's
 * (Netty) client on one event loop, which needs a fraction of the JDK client's CPU per request (measured here: the JDK
 * client took over half a core for 500 GETs/s and fell behind at 2,000), and the generator shares the machine with
 * the platform it measures. Feed readers, page readers and the publish -> visible polls each have a client (and a
 * connection pool) of their own, so that no part waits in the generator behind another's queue.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String WRITER = basic("writer:writer");
    static final String EDITOR = basic("editor:editor");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String BOUNDARY = "busiest-hour-7d21c";

    final String articles;
    final String media;
    final String feeds;
    private final HttpClient editors = client("editors");
    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(1).setWorkerPoolSize(1)
            .setInternalBlockingPoolSize(1));
    private final io.vertx.core.http.HttpClient feedReaders;
    private final io.vertx.core.http.HttpClient pageReaders;
    private final io.vertx.core.http.HttpClient lookers;

    Api(String articles, String media, String feeds) {
        this.articles = articles;
        this.media = media;
        this.feeds = feeds;
        this.feedReaders = readers(256);
        this.pageReaders = readers(64);
        this.lookers = readers(32);
    }

    /** A client of at most this many connections; calls beyond wait in it (their time counts from the due time). */
    private io.vertx.core.http.HttpClient readers(int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(5_000).setKeepAlive(true)
                .setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(connections));
    }

    private static HttpClient client(String name) {
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(2, Daemons.named("http-" + name))).build();
    }

    private static String basic(String user) {
        return BasicAuthorization.of(user);
    }

    /** The JSON of an article as PUT and POST take it (every editable field). */
    static String articleJson(String headline, String section, List<String> tags, String mediaId, String body,
            String correction) {
        Map<String, Object> article = new LinkedHashMap<>();
        article.put("headline", headline);
        article.put("summary", "What happened, in one sentence for the feed readers: " + headline + ".");
        article.put("body", body);
        article.put("section", section);
        article.put("tags", tags);
        article.put("authors", List.of(Map.of("name", "Busiest Hour Desk")));
        if (mediaId != null) {
            article.put("leadImage", Map.of("mediaId", mediaId, "caption", "The scene this morning"));
        }
        if (correction != null) {
            article.put("correction", correction);
        }
        try {
            return JSON.writeValueAsString(article);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    CompletableFuture<HttpResponse<String>> create(String json) {
        return editors.sendAsync(json(articles + "/api/articles", WRITER).POST(body(json)).build(), text());
    }

    CompletableFuture<HttpResponse<String>> save(Story story, String json, String authorization) {
        return editors.sendAsync(json(articles + "/api/articles/" + story.id, authorization)
                .header("If-Match", story.etag).PUT(body(json)).build(), text());
    }

    CompletableFuture<HttpResponse<String>> get(Story story) {
        return editors.sendAsync(HttpRequest.newBuilder(URI.create(articles + "/api/articles/" + story.id))
                .timeout(TIMEOUT).header("Authorization", WRITER).GET().build(), text());
    }

    CompletableFuture<HttpResponse<String>> publish(Story story) {
        return editors.sendAsync(json(articles + "/api/articles/" + story.id + "/publish", EDITOR)
                .POST(body("{}")).build(), text());
    }

    CompletableFuture<HttpResponse<String>> unpublish(Story story, String reason) {
        return editors.sendAsync(json(articles + "/api/articles/" + story.id + "/unpublish", EDITOR)
                .POST(body("{\"reason\": \"" + reason + "\"}")).build(), text());
    }

    /** A multipart upload as a picture desk sends it: the file, a caption, a credit and the alt text. */
    CompletableFuture<HttpResponse<String>> upload(Photo photo) {
        return editors.sendAsync(HttpRequest.newBuilder(URI.create(media + "/api/media")).timeout(TIMEOUT)
                .header("Authorization", WRITER)
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .POST(HttpRequest.BodyPublishers.ofByteArray(photo.multipart())).build(), text());
    }

    CompletableFuture<HttpResponse<String>> deleteMedia(String id) {
        return editors.sendAsync(HttpRequest.newBuilder(URI.create(media + "/api/media/" + id)).timeout(TIMEOUT)
                .header("Authorization", WRITER).DELETE().build(), text());
    }

    /** A feed reader's GET: compressed where the server likes, the body read and dropped. */
    CompletableFuture<Answer> readFeed(String path, String ifNoneMatch, String accept) {
        return read(feedReaders, path, ifNoneMatch, accept);
    }

    /** A page reader's GET, as a browser without a cached copy sends it. */
    CompletableFuture<Answer> readPage(String path, String accept) {
        return read(pageReaders, path, null, accept);
    }

    private CompletableFuture<Answer> read(io.vertx.core.http.HttpClient client, String path, String ifNoneMatch,
            String accept) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Accept", accept).add("Accept-Encoding", "gzip");
        if (ifNoneMatch != null) {
            headers.add("If-None-Match", ifNoneMatch);
        }
        return client.request(get(path, headers)).compose(HttpClientRequest::send)
                .compose(response -> response.end().map(done -> new Answer(response.statusCode(),
                        response.getHeader("ETag"), null)))
                .toCompletionStage().toCompletableFuture();
    }

    /** A GET whose body is looked at (publish -> visible): uncompressed, conditional when an ETag is known. */
    CompletableFuture<Answer> look(String path, String ifNoneMatch) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        if (ifNoneMatch != null) {
            headers.add("If-None-Match", ifNoneMatch);
        }
        return lookers.request(get(path, headers)).compose(HttpClientRequest::send)
                .compose(response -> response.body().map(body -> new Answer(response.statusCode(),
                        response.getHeader("ETag"), body.toString(StandardCharsets.UTF_8))))
                .toCompletionStage().toCompletableFuture();
    }

    private RequestOptions get(String path, MultiMap headers) {
        return new RequestOptions().setMethod(HttpMethod.GET).setAbsoluteURI(feeds + path).setHeaders(headers)
                .setIdleTimeout(TIMEOUT.toMillis());
    }

    static String etag(HttpResponse<?> response) {
        return response.headers().firstValue("ETag").orElse(null);
    }

    static JsonNode tree(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("not JSON: " + body, e);
        }
    }

    /** The body of a multipart/form-data upload with this boundary. */
    static byte[] multipart(String fileName, String contentType, byte[] file, Map<String, String> fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(file.length + 1024);
        List<byte[]> parts = new ArrayList<>();
        fields.forEach((name, value) -> parts.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        parts.add(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + contentType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.forEach(out::writeBytes);
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static HttpRequest.Builder json(String url, String authorization) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).header("Authorization", authorization)
                .header("Content-Type", "application/json");
    }

    private static HttpRequest.BodyPublisher body(String json) {
        return HttpRequest.BodyPublishers.ofString(json);
    }

    private static HttpResponse.BodyHandler<String> text() {
        return HttpResponse.BodyHandlers.ofString();
    }
}
