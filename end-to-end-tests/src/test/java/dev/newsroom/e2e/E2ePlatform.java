package dev.newsroom.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.newsroom.testsupport.RunningPlatform;
import io.restassured.http.ContentType;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/**
 * The packaged article-, media- and feed-service, started once for all end-to-end tests (a start costs a minute or
 * more on a busy machine), with tracing on as an environment would switch it on, exporting over OTLP/HTTP to a
 * receiver in the tests. Stopped when the test JVM exits.
 */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
final class E2ePlatform {

    private static E2ePlatform shared;

    final RunningPlatform services;
    final OtlpReceiver traces;

    static synchronized E2ePlatform shared() throws IOException, InterruptedException {
        if (shared == null) {
            OtlpReceiver traces = new OtlpReceiver();
            RunningPlatform services;
            try {
                services = RunningPlatform.start(List.of("article", "media", "feed"), Map.of(
                        "QUARKUS_OTEL_SDK_DISABLED", "false",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf",
                        "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint(),
                        // spans reach the receiver within a fraction of a second instead of the default 5 s
                        "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "200ms"));
            } catch (IOException | InterruptedException | RuntimeException e) {
                traces.close();
                throw e;
            }
            shared = new E2ePlatform(services, traces);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                services.close();
                traces.close();
            }, "e2e-platform-stop"));
        }
        return shared;
    }

    /** Gives a test method's E2ePlatform parameter the shared platform. */
    static final class Resolver implements ParameterResolver {

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == E2ePlatform.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            try {
                return shared();
            } catch (IOException e) {
                throw new ParameterResolutionException("the platform did not start", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ParameterResolutionException("interrupted while the platform started", e);
            }
        }
    }

    String url(String service) {
        return services.url(service);
    }

    /** Uploads a generated photo as a writer; answers the asset's id. */
    String uploadPhoto(String fileName, String caption, String credit) throws IOException {
        BufferedImage image = new BufferedImage(1600, 1000, BufferedImage.TYPE_INT_RGB);
        Graphics2D graphics = image.createGraphics();
        graphics.setColor(new Color(200, 120, 40));
        graphics.fillRect(0, 0, 1600, 1000);
        graphics.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return given().auth().preemptive().basic("writer", "writer")
                .multiPart("file", fileName, png.toByteArray(), "image/png")
                .multiPart("caption", caption).multiPart("credit", credit)
                .when().post(url("media") + "/api/media")
                .then().statusCode(201).extract().path("id");
    }

    /**
     * Saves a draft as a writer; answers its id. A lead image is accepted once article-service's copy of
     * newsroom.media has the asset, so the save is retried until then.
     */
    String createArticle(Map<String, Object> article) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            var response = given().auth().preemptive().basic("writer", "writer").contentType(ContentType.JSON)
                    .body(article).post(url("article") + "/api/articles");
            return response.statusCode() == 201 ? response.<String>path("id") : null;
        }, found -> found != null);
    }

    /** Publishes the article as an editor. */
    void publish(String articleId) {
        given().auth().preemptive().basic("editor", "editor").contentType(ContentType.JSON).body("{}")
                .when().post(url("article") + "/api/articles/{id}/publish", articleId)
                .then().statusCode(200);
    }
}
