package io.plumb.agent.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

/**
 * A {@code Receiver} is a real HTTP server on 127.0.0.1 that records what is posted to it and answers as the test
 * says: a webhook receiver, or a Slack-shaped one.
 */
final class Receiver implements AutoCloseable {

    /** One request as the receiver saw it. */
    static final class Request {
        private final String method;
        private final String path;
        private final Map<String, List<String>> headers;
        private final byte[] body;

        Request(String method, String path, Map<String, List<String>> headers, byte[] body) {
            this.method = method;
            this.path = path;
            this.headers = headers;
            this.body = body.clone();
        }

        String method() {
            return method;
        }

        String path() {
            return path;
        }

        Map<String, List<String>> headers() {
            return headers;
        }

        byte[] body() {
            return body.clone();
        }

        // The JDK server spells header names with the first letter upper case and the rest lower case.
        String header(String name) {
            List<String> values = headers.get(name.substring(0, 1).toUpperCase(Locale.ROOT)
                    + name.substring(1).toLowerCase(Locale.ROOT));
            return values == null ? "" : String.join(",", values);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer: a status and a body. */
    record Answer(int status, String body) {}

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch released = new CountDownLatch(1);
    private volatile Function<Request, Answer> answer = r -> new Answer(200, "ok");
    private volatile boolean hang;

    Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            Request request = new Request(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getPath(),
                    Map.copyOf(exchange.getRequestHeaders()),
                    exchange.getRequestBody().readAllBytes());
            requests.add(request);
            if (hang) {
                try {
                    released.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            Answer a = answer.apply(request);
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/plain");
            exchange.sendResponseHeaders(a.status(), body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    void answer(Function<Request, Answer> how) {
        this.answer = how;
    }

    /** Makes the receiver take requests and never answer, until closed. */
    void hang() {
        this.hang = true;
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        released.countDown();
        server.stop(0);
    }
}
