package io.plumb.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/** A real webhook receiver on 127.0.0.1 that can go down and come back on the same port. */
final class HookReceiver implements AutoCloseable {

    private final ObjectMapper json = new ObjectMapper();
    private final List<JsonNode> received = new ArrayList<>();
    private final int port;
    private volatile int answer = 204;
    private HttpServer server;

    HookReceiver() throws IOException {
        server = bind(0);
        port = server.getAddress().getPort();
    }

    private HttpServer bind(int at) throws IOException {
        HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), at), 0);
        s.createContext("/hook", exchange -> {
            try (exchange) {
                JsonNode body = json.readTree(exchange.getRequestBody().readAllBytes());
                synchronized (received) {
                    received.add(body);
                }
                exchange.sendResponseHeaders(answer, -1);
            }
        });
        s.start();
        return s;
    }

    /** Makes the receiver answer every request with this status. */
    void answer(int status) {
        answer = status;
    }

    String url() {
        return "http://127.0.0.1:" + port + "/hook";
    }

    void down() {
        server.stop(0);
    }

    void up() throws IOException {
        server = bind(port);
    }

    List<JsonNode> received() {
        synchronized (received) {
            return List.copyOf(received);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
