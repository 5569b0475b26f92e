package io.plumb.agent;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.plumb.agent.notify.Notification;
import io.plumb.agent.notify.WebhookBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * {@code NotificationJson} keeps a notification in the outbox as the webhook body (version 1), and reads it back.
 */
final class NotificationJson {

    private static final JsonFactory JSON = new JsonFactory();

    private NotificationJson() {}

    static String write(Notification notification) {
        return new String(WebhookBody.of(notification), StandardCharsets.UTF_8);
    }

    /**
     * Reads a notification the outbox keeps.
     *
     * @throws IllegalArgumentException when the text is not one
     */
    static Notification read(String text) {
        Map<String, @Nullable String> top = new HashMap<>();
        Map<String, @Nullable String> target = new HashMap<>();
        try (JsonParser json = JSON.createParser(text)) {
            expect(json.nextToken(), JsonToken.START_OBJECT);
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if (value == JsonToken.START_OBJECT) {
                    while (json.nextToken() == JsonToken.FIELD_NAME) {
                        String inner = json.currentName();
                        json.nextToken();
                        target.put(inner, json.currentToken() == JsonToken.VALUE_NULL ? null : json.getText());
                    }
                } else {
                    top.put(field, value == JsonToken.VALUE_NULL ? null : json.getText());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Notification(
                require(top, "id"),
                require(top, "event"),
                require(target, "name"),
                target.get("previous_status"),
                require(target, "status"),
                target.get("current_version"),
                target.get("latest_version"),
                Integer.parseInt(require(target, "pending_files")),
                top.get("message"),
                top.get("link"),
                Instant.parse(require(top, "time")));
    }

    private static void expect(@Nullable JsonToken found, JsonToken expected) {
        if (found != expected) {
            throw new IllegalArgumentException("outbox payload: expected " + expected + ", found " + found);
        }
    }

    private static String require(Map<String, @Nullable String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("outbox payload: missing \"" + name + "\"");
        }
        return value;
    }
}
