package io.plumb.agent.notify;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Map;

/**
 * An {@code HttpDelivery} posts a JSON body to one receiver and sorts the outcome: 2xx is delivered; an
 * unreachable receiver, a timeout, 5xx and 429 are worth a retry; anything else is not.
 */
final class HttpDelivery {

    private static final int MAX_ANSWER = 200;

    private final HttpClient client;
    private final URI url;
    private final Duration timeout;

    HttpDelivery(HttpClient client, URI url, Duration timeout) {
        this.client = client;
        this.url = url;
        this.timeout = timeout;
    }

    static HttpClient client(Duration connectTimeout) {
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    void post(byte[] body, Map<String, String> headers) throws NotifyException {
        HttpRequest.Builder request = HttpRequest.newBuilder(url)
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .header("User-Agent", "plumb-agent")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        HttpResponse<String> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw NotifyException.retryable(where() + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (ConnectException e) {
            throw NotifyException.retryable(where() + ": cannot connect: " + describe(e), e);
        } catch (IOException e) {
            throw NotifyException.retryable(where() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw NotifyException.retryable(where() + ": interrupted", e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String message = where() + ": HTTP " + status + answer(response.body());
        if (status >= 500 || status == 429) {
            throw NotifyException.retryable(message, null);
        }
        throw NotifyException.permanent(message, null);
    }

    private String where() {
        return "POST " + Urls.mask(url);
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        if (message != null && !message.isBlank()) {
            return message;
        }
        // The JDK's HTTP client throws a ConnectException without a message (its cause may have one).
        Throwable cause = e.getCause();
        if (cause != null && cause.getMessage() != null && !cause.getMessage().isBlank()) {
            return cause.getMessage();
        }
        return e instanceof ConnectException ? "connection refused" : "input/output error";
    }

    private static String answer(String body) {
        String trimmed = body.strip();
        if (trimmed.isEmpty()) {
            return "";
        }
        return ": " + (trimmed.length() > MAX_ANSWER ? trimmed.substring(0, MAX_ANSWER) + "..." : trimmed);
    }
}
