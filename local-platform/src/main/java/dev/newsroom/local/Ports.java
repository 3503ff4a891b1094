package dev.newsroom.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;

/** Port checks, so that a port already in use is reported before a process fails on it. */
public final class Ports {

    private Ports() {
    }

    public static void requireFree(int port, String user) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new InfrastructureException("port " + port + " (" + user + ") is already in use");
        }
    }

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new InfrastructureException("no free port on 127.0.0.1: " + e.getMessage());
        }
    }
}
