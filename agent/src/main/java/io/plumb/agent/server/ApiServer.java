package io.plumb.agent.server;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.plumb.agent.Agent;
import io.plumb.agent.AgentException;
import io.plumb.agent.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An {@code ApiServer} serves one agent over HTTP with the JDK's server: the JSON API under {@code /api}, {@code
 * /metrics}, and the dashboard. It binds 127.0.0.1 by default; bound to any other address it refuses to start
 * without a bearer token, which every request must then carry.
 */
public final class ApiServer implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor;
    private final Optional<String> token;
    private final Routes routes;

    private ApiServer(HttpServer server, ExecutorService executor, Optional<String> token, Routes routes) {
        this.server = server;
        this.executor = executor;
        this.token = token;
        this.routes = routes;
    }

    /**
     * Starts a server for an agent.
     *
     * @param agent the agent
     * @param listen {@code host:port} or {@code :port} (127.0.0.1); port 0 picks a free one
     * @param token the bearer token; required unless the host is a loopback address
     * @throws AgentException when the address is malformed, not loopback without a token, or taken
     */
    public static ApiServer start(Agent agent, String listen, Optional<String> token) {
        int colon = listen.lastIndexOf(':');
        if (colon < 0) {
            throw new AgentException("listen address \"" + listen + "\": expected HOST:PORT, such as 127.0.0.1:9191");
        }
        String host = colon == 0 ? "127.0.0.1" : listen.substring(0, colon);
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new AgentException("listen address \"" + listen + "\": the port is not a number", e);
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new AgentException("listen address \"" + listen + "\": unknown host \"" + host + "\"", e);
        }
        if (!address.isLoopbackAddress() && token.isEmpty()) {
            throw new AgentException("listen address \"" + listen + "\" is not a loopback address: set a bearer"
                    + " token (agent { token = getenv(\"VAR\") }) so that only its holders reach the API");
        }
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(address, port), 0);
        } catch (IOException e) {
            throw new AgentException("cannot listen on " + listen + ": " + e.getMessage(), e);
        }
        ExecutorService executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "plumb-agent-http");
            t.setDaemon(true);
            return t;
        });
        ApiServer api = new ApiServer(server, executor, token, new Routes(agent));
        server.createContext("/", api::handle);
        server.setExecutor(executor);
        server.start();
        return api;
    }

    /** Returns the port the server listens on. */
    public int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            drain(exchange.getRequestBody());
            if (token.isPresent() && !authorized(exchange.getRequestHeaders().getFirst("Authorization"))) {
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                send(exchange, Response.json(401, "{\"error\":\"a bearer token is required\"}"));
                return;
            }
            Response response;
            try {
                String raw = exchange.getRequestURI().getRawPath();
                response = routes.route(exchange.getRequestMethod(), raw);
            } catch (StoreException e) {
                response = Response.json(503, "{\"error\":" + Json.quote(String.valueOf(e.getMessage())) + "}");
            } catch (RuntimeException e) {
                response = Response.json(
                        500,
                        "{\"error\":"
                                + Json.quote(io.plumb.engine.db.DatabaseUrl.redact(String.valueOf(e.getMessage())))
                                + "}");
            }
            send(exchange, response);
        }
    }

    private boolean authorized(@org.jspecify.annotations.Nullable String header) {
        if (header == null || !header.startsWith("Bearer ")) {
            return false;
        }
        byte[] given = header.substring("Bearer ".length()).trim().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, token.orElseThrow().getBytes(StandardCharsets.UTF_8));
    }

    private static void drain(InputStream body) throws IOException {
        body.readNBytes(1 << 16);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", response.contentType());
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String decode(String segment) {
        return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        server.stop(1);
        executor.shutdownNow();
    }
}
