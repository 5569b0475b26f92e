package io.plumb.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackNotifierTest {

    private static final String HOOK_PATH = "/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX";

    private final ObjectMapper json = new ObjectMapper();
    private Receiver slack;

    // Shaped like Slack's incoming webhooks: 200 "ok" for a message with text or blocks, 400 "invalid_payload"
    // for anything else, 404 "no_service" for a webhook that does not exist (or was revoked).
    @BeforeEach
    void start() throws Exception {
        slack = new Receiver();
        ObjectMapper parser = new ObjectMapper();
        slack.answer(request -> {
            if (!request.path().equals(HOOK_PATH)) {
                return new Receiver.Answer(404, "no_service");
            }
            try {
                JsonNode body = parser.readTree(request.body());
                return body.hasNonNull("text") || body.hasNonNull("blocks")
                        ? new Receiver.Answer(200, "ok")
                        : new Receiver.Answer(400, "invalid_payload");
            } catch (IOException e) {
                return new Receiver.Answer(400, "invalid_payload");
            }
        });
    }

    @AfterEach
    void stop() {
        slack.close();
    }

    private Notifier notifier(URI url) {
        return Notifiers.create(new SlackChannel("team", url), name -> null, Duration.ofSeconds(5));
    }

    @Test
    void postsTextAndColouredBlocksWithTheStatusAndVersions() throws Exception {
        notifier(slack.url(HOOK_PATH)).send(WebhookNotifierTest.drifted());

        assertThat(slack.requests()).hasSize(1);
        JsonNode body = json.readTree(slack.requests().get(0).body());
        assertThat(body.get("text").asText()).isEqualTo(":red_circle: plumb: tenant-42 is drifted (was synced)");
        JsonNode attachment = body.get("attachments").get(0);
        assertThat(attachment.get("color").asText()).isEqualTo("#cf222e");
        // The blocks as JSON text: newlines and quotes inside the mrkdwn texts are escaped.
        String all = attachment.get("blocks").toString();
        assertThat(all)
                .contains("*Current version*\\n20240102000000")
                .contains("*Latest version*\\n20240301000000")
                .contains("*Pending files*\\n2")
                .contains("column \\\"email\\\" of table \\\"users\\\" changed")
                .contains("<http://127.0.0.1:8080/targets/tenant-42|Open tenant-42 on the dashboard>");
    }

    @Test
    void eachStatusHasItsOwnEmojiAndColour() throws Exception {
        List<String> seen = new ArrayList<>();
        for (String status : Notification.STATUSES) {
            Notification n = new Notification(
                    "00000000-0000-4000-8000-00000000000" + seen.size(),
                    Notification.STATUS_CHANGED,
                    "db",
                    null,
                    status,
                    null,
                    null,
                    0,
                    null,
                    null,
                    Instant.parse("2026-12-06T21:00:00Z"));
            notifier(slack.url(HOOK_PATH)).send(n);
            JsonNode body = json.readTree(slack.requests().get(seen.size()).body());
            seen.add(body.get("text").asText().replaceFirst(" .*", "") + " "
                    + body.get("attachments").get(0).get("color").asText());
        }
        assertThat(seen).doesNotHaveDuplicates().hasSize(4);
    }

    @Test
    void aTargetNameCannotMentionAChannel() {
        Notification n = new Notification(
                "00000000-0000-4000-8000-000000000009",
                Notification.STATUS_CHANGED,
                "<!channel> & co",
                null,
                "error",
                null,
                null,
                0,
                "password authentication failed for user \"<@U123>\"",
                null,
                Instant.parse("2026-12-06T21:00:00Z"));

        String body = new String(SlackNotifier.body(n), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(body).contains("&lt;!channel&gt; &amp; co").doesNotContain("<!channel>");
        assertThat(body).contains("&lt;@U123&gt;").doesNotContain("<@U123>");
    }

    @Test
    void aRevokedWebhookIsNotWorthARetryAndItsTokenIsNotPrinted() {
        URI revoked = slack.url("/services/T00000000/B00000000/REVOKEDREVOKEDREVOKED0000");

        NotifyException e = catchThrowableOfType(
                NotifyException.class, () -> notifier(revoked).send(WebhookNotifierTest.drifted()));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e).hasMessageContaining("HTTP 404: no_service");
        assertThat(e.getMessage()).contains("/services/***/***/***").doesNotContain("REVOKED");
    }

    @Test
    void theChannelMasksItsTokenWhenPrinted() {
        SlackChannel channel = new SlackChannel(
                "team", URI.create("https://hooks.slack.com/services/T0AB12CD3/B0EF45GH6/abcdefghijklmnopqrstuvwx"));

        assertThat(channel.toString())
                .isEqualTo("SlackChannel[name=team, url=https://hooks.slack.com/services/***/***/***]");
        assertThat(Notifiers.describe(channel)).isEqualTo("slack https://hooks.slack.com/services/***/***/***");
    }

    @Test
    void webhookUrlsKeepTheirPathButLoseTokensAndQueryValues() {
        assertThat(Urls.mask(URI.create("https://user:pw@example.com:8443/hooks/plumb?token=abc&x=1")))
                .isEqualTo("https://***@example.com:8443/hooks/plumb?token=***&x=***");
        assertThat(Urls.mask(URI.create("https://discord.com/api/webhooks/1234567890/AbCdEf123456")))
                .isEqualTo("https://discord.com/api/webhooks/1234567890/***");
    }
}
