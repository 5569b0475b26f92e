package io.plumb.agent.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * {@code Chromium} runs Debian's headless chromium and drives one of its pages over the Chrome DevTools Protocol,
 * spoken with the JDK's own WebSocket client: navigate, evaluate JavaScript in the page, take screenshots. No
 * WebDriver, no driver binary and no third-party client library is involved.
 */
final class Chromium implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final long WAIT_SECONDS = 60;

    private final ObjectMapper json = new ObjectMapper();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Process process;
    private final Path profile;
    private final List<String> output = new ArrayList<>();
    private @Nullable WebSocket socket;

    private Chromium(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /**
     * Finds chromium on the PATH (or in {@code PLUMB_CHROMIUM}).
     *
     * @throws AssertionError when it is absent: the browser test fails rather than skips, so CI cannot pass
     *     without having run it
     */
    static String binary() {
        String configured = System.getenv("PLUMB_CHROMIUM");
        if (configured != null && !configured.isBlank()) {
            if (!new File(configured).canExecute()) {
                throw new AssertionError("PLUMB_CHROMIUM names " + configured + ", which is not an executable file");
            }
            return configured;
        }
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "" : path).split(File.pathSeparator, -1)) {
            for (String name : List.of("chromium", "chromium-browser")) {
                File candidate = new File(dir, name);
                if (candidate.canExecute()) {
                    return candidate.getPath();
                }
            }
        }
        throw new AssertionError("chromium is not installed, and the dashboard's browser test needs it: "
                + "apt-get install -y chromium (or set PLUMB_CHROMIUM to a chromium binary)");
    }

    static Chromium launch() throws Exception {
        Path profile = Files.createTempDirectory("plumb-chromium");
        Process process = new ProcessBuilder(
                        binary(),
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--hide-scrollbars",
                        "--no-first-run",
                        "--remote-debugging-port=0",
                        "--remote-allow-origins=*",
                        "--user-data-dir=" + profile,
                        "--window-size=1280,900",
                        "about:blank")
                .redirectErrorStream(true)
                .start();
        Chromium chromium = new Chromium(process, profile);
        try {
            chromium.connect();
        } catch (Exception | AssertionError e) {
            chromium.close();
            throw e;
        }
        return chromium;
    }

    private void connect() throws Exception {
        CompletableFuture<String> browserUrl = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader lines =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.add(line);
                    }
                    Matcher m = LISTENING.matcher(line);
                    if (m.find()) {
                        browserUrl.complete(m.group(1));
                    }
                }
            } catch (IOException e) {
                browserUrl.completeExceptionally(e);
            }
            browserUrl.completeExceptionally(new AssertionError("chromium exited: " + output()));
        });
        reader.setDaemon(true);
        reader.start();
        URI browser = URI.create(browserUrl.get(WAIT_SECONDS, TimeUnit.SECONDS));
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://" + browser.getHost() + ":" + browser.getPort() + "/json/list"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String pageUrl = null;
        for (JsonNode target : json.readTree(list)) {
            if (target.path("type").asText().equals("page")) {
                pageUrl = target.path("webSocketDebuggerUrl").asText();
                break;
            }
        }
        if (pageUrl == null) {
            throw new AssertionError("chromium has no page to drive: " + list);
        }
        socket = http.newWebSocketBuilder()
                .buildAsync(URI.create(pageUrl), new Listener())
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
        call("Page.enable", json.createObjectNode());
        call("Runtime.enable", json.createObjectNode());
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder message = new StringBuilder();

        @Override
        public @Nullable CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            message.append(data);
            if (last) {
                try {
                    JsonNode node = json.readTree(message.toString());
                    CompletableFuture<JsonNode> answer =
                            node.has("id") ? pending.remove(node.get("id").asInt()) : null;
                    if (answer != null) {
                        answer.complete(node);
                    }
                } catch (IOException e) {
                    pending.values().forEach(f -> f.completeExceptionally(e));
                }
                message.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }

    /** Sends one DevTools command and returns its {@code result}. */
    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode command = json.createObjectNode();
        command.put("id", id);
        command.put("method", method);
        command.set("params", params);
        WebSocket ws = socket;
        if (ws == null) {
            throw new IllegalStateException("not connected");
        }
        ws.sendText(json.writeValueAsString(command), true).get(WAIT_SECONDS, TimeUnit.SECONDS);
        JsonNode node = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
        if (node.has("error")) {
            throw new AssertionError(method + " failed: " + node.get("error"));
        }
        return node.path("result");
    }

    /** Evaluates a JavaScript expression in the page and returns its value as JSON. */
    JsonNode eval(String expression) throws Exception {
        ObjectNode params = json.createObjectNode();
        params.put("expression", expression);
        params.put("returnByValue", true);
        params.put("awaitPromise", true);
        JsonNode result = call("Runtime.evaluate", params);
        if (result.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + ": " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Loads a URL and waits until the document has loaded. */
    void open(String url) throws Exception {
        ObjectNode params = json.createObjectNode();
        params.put("url", url);
        JsonNode result = call("Page.navigate", params);
        if (result.has("errorText")) {
            throw new AssertionError("loading " + url + ": " + result.get("errorText"));
        }
        waitFor("the page at " + url + " to load", () -> {
            try {
                return eval("location.href").asText().equals(url)
                        && eval("document.readyState").asText().equals("complete");
            } catch (Exception e) {
                return false; // the old document went away mid-evaluation
            }
        });
    }

    /** Clicks the element the CSS selector finds, and waits for the page it links to to load. */
    void click(String selector, String expectedPath) throws Exception {
        eval("document.querySelector(" + json.writeValueAsString(selector) + ").click()");
        waitFor("a click on " + selector + " to load " + expectedPath, () -> {
            try {
                return eval("location.pathname").asText().equals(expectedPath)
                        && eval("document.readyState").asText().equals("complete");
            } catch (Exception e) {
                return false;
            }
        });
    }

    /** Returns a PNG of the given region of the page, in CSS pixels from the document's top left corner. */
    byte[] screenshot(double x, double y, double width, double height) throws Exception {
        ObjectNode params = json.createObjectNode();
        params.put("format", "png");
        params.put("captureBeyondViewport", true);
        ObjectNode clip = params.putObject("clip");
        clip.put("x", x);
        clip.put("y", y);
        clip.put("width", width);
        clip.put("height", height);
        clip.put("scale", 1);
        return Base64.getDecoder()
                .decode(call("Page.captureScreenshot", params).get("data").asText());
    }

    /** Returns a PNG of the whole document. */
    byte[] fullScreenshot() throws Exception {
        JsonNode size = eval("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]");
        return screenshot(0, 0, size.get(0).asDouble(), size.get(1).asDouble());
    }

    private void waitFor(String what, Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.get()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what + " after " + WAIT_SECONDS + " s");
            }
            Thread.sleep(50);
        }
    }

    private String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    @Override
    public void close() throws IOException {
        WebSocket ws = socket;
        if (ws != null) {
            ws.abort();
        }
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
