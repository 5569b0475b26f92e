package io.plumb.agent.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SmtpNotifierTest {

    private GreenMail smtp;

    @BeforeEach
    void start() {
        smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        smtp.setUser("agent@example.com", "agent", "right-password");
    }

    @AfterEach
    void stop() {
        smtp.stop();
    }

    private SmtpChannel channel(int port, @Nullable String user) {
        return new SmtpChannel(
                "ops",
                "127.0.0.1",
                port,
                "agent@example.com",
                List.of("dba@example.com", "oncall@example.com"),
                user,
                user == null ? null : "SMTP_PASSWORD",
                false);
    }

    private Notifier notifier(SmtpChannel channel, String password) {
        return Notifiers.create(channel, Map.of("SMTP_PASSWORD", password)::get, Duration.ofSeconds(5));
    }

    @Test
    void mailsAPlainTextMessageAfterLoggingIn() throws Exception {
        notifier(channel(smtp.getSmtp().getPort(), "agent"), "right-password").send(WebhookNotifierTest.drifted());

        MimeMessage[] received = smtp.getReceivedMessages();
        assertThat(received).hasSize(2); // one copy per recipient mailbox
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("[plumb] tenant-42 is drifted");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("agent@example.com");
        assertThat(mail.getRecipients(Message.RecipientType.TO))
                .extracting(Object::toString)
                .containsExactly("dba@example.com", "oncall@example.com");
        assertThat(mail.getContentType()).startsWith("text/plain");
        assertThat(mail.getHeader("X-Plumb-Delivery")).containsExactly("7f1e2d4c-3b2a-4c1d-9e8f-0a1b2c3d4e5f");
        String text = ((String) mail.getContent()).replace("\r\n", "\n");
        assertThat(text)
                .startsWith("tenant-42 is drifted (was synced).\n")
                .contains("Current version: 20240102000000\n")
                .contains("Latest version:  20240301000000\n")
                .contains("Pending files:   2\n")
                .contains("column \"email\" of table \"users\" changed")
                .contains("http://127.0.0.1:8080/targets/tenant-42");
    }

    @Test
    void mailsWithoutLoginWhenTheChannelHasNoUser() throws Exception {
        notifier(channel(smtp.getSmtp().getPort(), null), "").send(WebhookNotifierTest.drifted());

        assertThat(smtp.getReceivedMessages()).hasSize(2);
    }

    @Test
    void aRefusedLoginIsNotWorthARetryAndThePasswordIsNotPrinted() {
        Notifier wrong = notifier(channel(smtp.getSmtp().getPort(), "agent"), "wrong-password-123");

        NotifyException e =
                catchThrowableOfType(NotifyException.class, () -> wrong.send(WebhookNotifierTest.drifted()));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e.getMessage())
                .startsWith("smtp 127.0.0.1:" + smtp.getSmtp().getPort() + ": login as \"agent\" refused")
                .doesNotContain("wrong-password-123");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aChannelThatRequiresStartTlsRefusesAPlainServer() {
        SmtpChannel tls = new SmtpChannel(
                "ops",
                "127.0.0.1",
                smtp.getSmtp().getPort(),
                "agent@example.com",
                List.of("dba@example.com"),
                "agent",
                "SMTP_PASSWORD",
                true);

        NotifyException e = catchThrowableOfType(
                NotifyException.class, () -> notifier(tls, "right-password").send(WebhookNotifierTest.drifted()));

        assertThat(e.isRetryable()).isFalse();
        assertThat(e).hasMessageEndingWith(": the channel requires STARTTLS, which the server does not offer");
        assertThat(smtp.getReceivedMessages()).isEmpty();
    }

    @Test
    void aServerThatIsDownIsWorthARetry() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        NotifyException e = catchThrowableOfType(
                NotifyException.class, () -> notifier(channel(port, null), "").send(WebhookNotifierTest.drifted()));

        assertThat(e.isRetryable()).isTrue();
        assertThat(e).hasMessageStartingWith("smtp 127.0.0.1:" + port + ": ");
    }

    @Test
    void aTestMessageSaysSoInItsSubject() throws Exception {
        notifier(channel(smtp.getSmtp().getPort(), null), "")
                .send(Notification.test("prod", null, java.time.Instant.parse("2026-12-06T21:00:00Z")));

        assertThat(smtp.getReceivedMessages()[0].getSubject()).isEqualTo("[plumb] test: prod is synced");
    }

    @Test
    void aUserWithoutAPasswordVariableIsAConfigurationError() {
        assertThatThrownBy(() -> new SmtpChannel(
                        "ops", "127.0.0.1", 25, "a@example.com", List.of("b@example.com"), "agent", null, false))
                .hasMessage("channel \"ops\": smtp user \"agent\" needs password_env naming its password");
        assertThatThrownBy(() -> Notifiers.create(channel(25, "agent"), name -> null))
                .hasMessage("channel \"ops\": password_env names environment variable SMTP_PASSWORD, which is not set");
    }
}
