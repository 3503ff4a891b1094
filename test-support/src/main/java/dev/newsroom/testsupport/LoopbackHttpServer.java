package dev.newsroom.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import lombok.AccessLevel;
import lombok.RequiredArgsConstructor;

/** A JDK HTTP server on a free port of 127.0.0.1, for stand-ins of what a service calls (a hub, S3, a collector). */
@RequiredArgsConstructor(access = AccessLevel.PRIVATE)
public final class LoopbackHttpServer implements AutoCloseable {

    private final HttpServer server;

    /** Starts serving every path below {@code context} with the handler. */
    public static LoopbackHttpServer start(String context, HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext(context, handler);
            server.start();
            return new LoopbackHttpServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server's base address, {@code http://127.0.0.1:port}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
