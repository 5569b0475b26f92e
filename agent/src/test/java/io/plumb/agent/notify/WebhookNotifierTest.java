package io.plumb.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class WebhookNotifierTest {

    private static final String SECRET = "It's a Secret to Everybody";

    private final ObjectMapper json = new ObjectMapper();
    private Receiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new Receiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    static Notification drifted() {
        return new Notification(
                "7f1e2d4c-3b2a-4c1d-9e8f-0a1b2c3d4e5f",
                Notification.STATUS_CHANGED,
                "tenant-42",
                "synced",
                "drifted",
                "20240102000000",
                "20240301000000",
                2,
                "column \"email\" of table \"users\" changed",
                "http://127.0.0.1:8080/targets/tenant-42",
                Instant.parse("2026-12-06T21:00:00Z"));
    }

    private Notifier notifier(@Nullable String secretEnv) {
        WebhookChannel channel = new WebhookChannel("hook", receiver.url("/plumb"), secretEnv);
        return Notifiers.create(channel, Map.of("HOOK_SECRET", SECRET)::get, Duration.ofSeconds(5));
    }

    @Test
    void postsTheVersionedBodySignedWithHmacSha256() throws Exception {
        notifier("HOOK_SECRET").send(drifted());

        assertThat(receiver.requests()).hasSize(1);
        Receiver.Request request = receiver.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/plumb");
        assertThat(request.header("X-Plumb-Event")).isEqualTo("status_changed");
        assertThat(request.header("X-Plumb-Delivery")).isEqualTo("7f1e2d4c-3b2a-4c1d-9e8f-0a1b2c3d4e5f");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        // The receiver's side of the scheme: HMAC-SHA256 of the raw body with the shared secret, in hex.
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String expected = "sha256=" + HexFormat.of().formatHex(mac.doFinal(request.body()));
        assertThat(request.header("X-Plumb-Signature-256")).isEqualTo(expected);

        JsonNode body = json.readTree(request.body());
        assertThat(body.get("version").asInt()).isEqualTo(1);
        assertThat(body.get("id").asText()).isEqualTo("7f1e2d4c-3b2a-4c1d-9e8f-0a1b2c3d4e5f");
        assertThat(body.get("event").asText()).isEqualTo("status_changed");
        assertThat(body.get("time").asText()).isEqualTo("2026-12-06T21:00:00Z");
        JsonNode target = body.get("target");
        assertThat(target.get("name").asText()).isEqualTo("tenant-42");
        assertThat(target.get("status").asText()).isEqualTo("drifted");
        assertThat(target.get("previous_status").asText()).isEqualTo("synced");
        assertThat(target.get("current_version").asText()).isEqualTo("20240102000000");
        assertThat(target.get("latest_version").asText()).isEqualTo("20240301000000");
        assertThat(target.get("pending_files").asInt()).isEqualTo(2);
        assertThat(body.get("message").asText()).isEqualTo("column \"email\" of table \"users\" changed");
        assertThat(body.get("link").asText()).isEqualTo("http://127.0.0.1:8080/targets/tenant-42");
    }

    @Test
    void aTamperedBodyNoLongerMatchesItsSignature() throws Exception {
        notifier("HOOK_SECRET").send(drifted());
        Receiver.Request request = receiver.requests().get(0);
        byte[] tampered = request.text().replace("drifted", "synced").getBytes(StandardCharsets.UTF_8);

        assertThat(WebhookNotifier.signature(SECRET, tampered)).isNotEqualTo(request.header("X-Plumb-Signature-256"));
        assertThat(WebhookNotifier.signature("another secret", request.body()))
                .isNotEqualTo(request.header("X-Plumb-Signature-256"));
    }

    @Test
    void withoutASecretTheBodyIsUnsignedAndNullFieldsAreNull() throws Exception {
        Notification first = new Notification(
                "00000000-0000-4000-8000-000000000001",
                Notification.STATUS_CHANGED,
                "new",
                null,
                "pending",
                null,
                "1",
                1,
                null,
                null,
                Instant.parse("2026-12-06T21:00:00Z"));
        notifier(null).send(first);

        Receiver.Request request = receiver.requests().get(0);
        assertThat(request.headers()).doesNotContainKey("X-plumb-signature-256");
        JsonNode body = json.readTree(request.body());
        assertThat(body.get("target").get("previous_status").isNull()).isTrue();
        assertThat(body.get("target").get("current_version").isNull()).isTrue();
        assertThat(body.get("message").isNull()).isTrue();
        assertThat(body.get("link").isNull()).isTrue();
    }

    @Test
    void aReceiverThatIsDownIsWorthARetry() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Notifier down = Notifiers.create(
                new WebhookChannel("hook", URI.create("http://127.0.0.1:" + port + "/x"), null),
                name -> null,
                Duration.ofSeconds(5));

        NotifyException e = catchThrowableOfType(NotifyException.class, () -> down.send(drifted()));

        assertThat(e.isRetryable()).isTrue();
        // The JDK's client throws a ConnectException without a message: the reason is said, not the class.
        assertThat(e.getMessage())
                .matches("POST http://127\\.0\\.0\\.1:" + port + "/x: cannot connect: (?i:connection refused)")
                .doesNotContain("Exception");
    }

    @Test
    void serverErrorsAndTooManyRequestsAreWorthARetry() {
        for (int status : new int[] {500, 502, 503, 429}) {
            receiver.answer(r -> new Receiver.Answer(status, "busy"));

            NotifyException e = catchThrowableOfType(
                    NotifyException.class, () -> notifier(null).send(drifted()));

            assertThat(e.isRetryable()).as("HTTP %d", status).isTrue();
            assertThat(e).hasMessageContaining("HTTP " + status + ": busy");
        }
    }

    @Test
    void otherClientErrorsAreNot() {
        for (int status : new int[] {400, 401, 404, 410}) {
            receiver.answer(r -> new Receiver.Answer(status, "no such hook"));

            NotifyException e = catchThrowableOfType(
                    NotifyException.class, () -> notifier(null).send(drifted()));

            assertThat(e.isRetryable()).as("HTTP %d", status).isFalse();
            assertThat(e).hasMessageContaining("HTTP " + status + ": no such hook");
        }
    }

    @Test
    void aReceiverThatDoesNotAnswerTimesOutAndIsWorthARetry() {
        receiver.hang();
        Notifier impatient = Notifiers.create(
                new WebhookChannel("hook", receiver.url("/slow"), null), name -> null, Duration.ofMillis(300));

        NotifyException e = catchThrowableOfType(NotifyException.class, () -> impatient.send(drifted()));

        assertThat(e.isRetryable()).isTrue();
        assertThat(e).hasMessageContaining("no answer within 300 ms");
        assertThat(receiver.requests()).hasSize(1);
    }

    @Test
    void aSecretVariableThatIsNotSetIsAConfigurationError() {
        WebhookChannel channel = new WebhookChannel("hook", receiver.url("/plumb"), "MISSING_SECRET");

        assertThatThrownBy(() -> Notifiers.create(channel, name -> null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("channel \"hook\": secret_env names environment variable MISSING_SECRET, which is not set");
    }

    @Test
    void aUrlThatIsNotHttpIsRejected() {
        assertThatThrownBy(() -> new WebhookChannel("hook", URI.create("ftp://example.com/x"), null))
                .hasMessage("channel \"hook\": url must be an http or https URL with a host, got ftp://example.com/x");
    }
}
