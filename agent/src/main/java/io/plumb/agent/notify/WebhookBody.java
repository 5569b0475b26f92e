package io.plumb.agent.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.jspecify.annotations.Nullable;

/**
 * {@code WebhookBody} writes the JSON body of a webhook notification, version 1. Fields are never removed or
 * renamed within a version; new fields may be added. The shape is documented in the agent's README.
 */
public final class WebhookBody {

    /** The version of the body's shape, sent as its {@code version} field. */
    public static final int VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private WebhookBody() {}

    /** Returns the UTF-8 JSON body for a notification. */
    public static byte[] of(Notification n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.writeStartObject();
            json.writeNumberField("version", VERSION);
            json.writeStringField("id", n.id());
            json.writeStringField("event", n.kind());
            json.writeStringField("time", n.time().toString());
            json.writeObjectFieldStart("target");
            json.writeStringField("name", n.target());
            json.writeStringField("status", n.status());
            nullable(json, "previous_status", n.previousStatus());
            nullable(json, "current_version", n.currentVersion());
            nullable(json, "latest_version", n.latestVersion());
            json.writeNumberField("pending_files", n.pendingFiles());
            json.writeEndObject();
            nullable(json, "message", n.message());
            nullable(json, "link", n.link());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void nullable(JsonGenerator json, String field, @Nullable String value) throws IOException {
        if (value == null) {
            json.writeNullField(field);
        } else {
            json.writeStringField(field, value);
        }
    }
}
