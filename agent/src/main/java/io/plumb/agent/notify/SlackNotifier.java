package io.plumb.agent.notify;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A {@code SlackNotifier} posts a notification to a Slack incoming webhook: a plain {@code text} for
 * notifications and clients without blocks, and an attachment coloured by status whose blocks hold the headline
 * with its emoji, the versions, the message and a link to the dashboard.
 */
public final class SlackNotifier implements Notifier {

    private static final JsonFactory JSON = new JsonFactory();

    private static final Map<String, String> EMOJI = Map.of(
            "synced", ":large_green_circle:",
            "pending", ":large_yellow_circle:",
            "drifted", ":red_circle:",
            "error", ":warning:");

    private static final Map<String, String> COLOUR = Map.of(
            "synced", "#2da44e",
            "pending", "#d4a72c",
            "drifted", "#cf222e",
            "error", "#8250df");

    private final HttpDelivery delivery;

    /** Creates a notifier posting to the given incoming webhook. */
    public SlackNotifier(HttpClient client, URI url, Duration timeout) {
        this.delivery = new HttpDelivery(client, url, timeout);
    }

    @Override
    public void send(Notification notification) throws NotifyException {
        delivery.post(body(notification), Map.of());
    }

    /** Returns the Slack message for a notification, as UTF-8 JSON. */
    public static byte[] body(Notification n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator json = JSON.createGenerator(out)) {
            String headline = EMOJI.get(n.status()) + " plumb: " + escape(n.headline());
            json.writeStartObject();
            json.writeStringField("text", headline);
            json.writeArrayFieldStart("attachments");
            json.writeStartObject();
            json.writeStringField("color", COLOUR.get(n.status()));
            json.writeArrayFieldStart("blocks");
            section(json, "*" + headline + "*");
            fields(json, n);
            if (n.message() != null) {
                section(json, "```" + escape(n.message()) + "```");
            }
            if (n.link() != null) {
                context(json, "<" + escape(n.link()) + "|Open " + escape(n.target()) + " on the dashboard>");
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void fields(JsonGenerator json, Notification n) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "section");
        json.writeArrayFieldStart("fields");
        mrkdwn(json, "*Target*\n" + escape(n.target()));
        mrkdwn(
                json,
                "*Status*\n" + n.status() + (n.previousStatus() == null ? "" : " (was " + n.previousStatus() + ")"));
        mrkdwn(json, "*Current version*\n" + orNone(n.currentVersion()));
        mrkdwn(json, "*Latest version*\n" + orNone(n.latestVersion()));
        mrkdwn(json, "*Pending files*\n" + n.pendingFiles());
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void section(JsonGenerator json, String text) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "section");
        json.writeFieldName("text");
        mrkdwn(json, text);
        json.writeEndObject();
    }

    private static void context(JsonGenerator json, String text) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "context");
        json.writeArrayFieldStart("elements");
        mrkdwn(json, text);
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void mrkdwn(JsonGenerator json, String text) throws IOException {
        json.writeStartObject();
        json.writeStringField("type", "mrkdwn");
        json.writeStringField("text", text);
        json.writeEndObject();
    }

    private static String orNone(@Nullable String version) {
        return version == null ? "none" : escape(version);
    }

    // Slack's mrkdwn reads <, > and & as control characters: a target named "<!channel>" must not ping anyone.
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
