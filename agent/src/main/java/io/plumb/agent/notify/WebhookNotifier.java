package io.plumb.agent.notify;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;

/**
 * A {@code WebhookNotifier} posts a notification as the versioned JSON body of {@link WebhookBody} with the
 * headers {@code X-Plumb-Event}, {@code X-Plumb-Delivery} (the notification's id) and, when a secret is set,
 * {@code X-Plumb-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>}, the scheme GitHub's webhooks use.
 */
public final class WebhookNotifier implements Notifier {

    /** The header naming the kind of notification. */
    public static final String EVENT_HEADER = "X-Plumb-Event";

    /** The header carrying the notification's id, the same on every retry. */
    public static final String DELIVERY_HEADER = "X-Plumb-Delivery";

    /** The header carrying the body's signature. */
    public static final String SIGNATURE_HEADER = "X-Plumb-Signature-256";

    private final HttpDelivery delivery;
    private final byte @Nullable [] secret;

    /**
     * Creates a notifier.
     *
     * @param client the HTTP client, whose connect timeout applies
     * @param url the receiver
     * @param secret the signing secret, or null to send unsigned
     * @param timeout how long to wait for the receiver's answer
     */
    public WebhookNotifier(HttpClient client, URI url, byte @Nullable [] secret, Duration timeout) {
        this.delivery = new HttpDelivery(client, url, timeout);
        this.secret = secret == null ? null : secret.clone();
    }

    @Override
    public void send(Notification notification) throws NotifyException {
        byte[] body = WebhookBody.of(notification);
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(EVENT_HEADER, notification.kind());
        headers.put(DELIVERY_HEADER, notification.id());
        if (secret != null) {
            headers.put(SIGNATURE_HEADER, signature(secret, body));
        }
        delivery.post(body, headers);
    }

    /** Returns the signature header's value for a body: {@code sha256=} and the hex HMAC-SHA256. */
    public static String signature(byte[] secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            // Every JDK ships HmacSHA256, and HMAC takes keys of any length but zero, which Notifiers rejects.
            throw new IllegalStateException("cannot compute HMAC-SHA256", e);
        }
    }

    /** Returns the signature of a body signed with a UTF-8 secret, as {@link #signature(byte[], byte[])}. */
    public static String signature(String secret, byte[] body) {
        return signature(secret.getBytes(StandardCharsets.UTF_8), body);
    }
}
