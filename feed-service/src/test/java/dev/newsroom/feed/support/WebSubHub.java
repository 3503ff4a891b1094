package dev.newsroom.feed.support;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.newsroom.testsupport.LoopbackHttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in WebSub hub on a free local port: it accepts publish notifications (POST /hub) and lists the feed URLs
 * it was told about (GET /hub/received, one per line), so tests read what the service announced over HTTP.
 */
public class WebSubHub implements QuarkusTestResourceLifecycleManager {

    private final List<String> received = new CopyOnWriteArrayList<>();
    private LoopbackHttpServer server;

    @Override
    public Map<String, String> start() {
        server = LoopbackHttpServer.start("/hub", exchange -> {
            byte[] answer = new byte[0];
            int status = 204;
            if ("POST".equals(exchange.getRequestMethod())) {
                String form = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                for (String pair : form.split("&")) {
                    String[] parts = pair.split("=", 2);
                    if (parts.length == 2 && parts[0].equals("hub.url")) {
                        received.add(URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
                    }
                }
            } else {
                answer = String.join("\n", received).getBytes(StandardCharsets.UTF_8);
                status = 200;
            }
            exchange.sendResponseHeaders(status, answer.length == 0 ? -1 : answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        return Map.of("newsroom.feed.websub-hub", server.url() + "/hub");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.close();
        }
    }
}
