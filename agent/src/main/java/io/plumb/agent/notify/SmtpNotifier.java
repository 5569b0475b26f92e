package io.plumb.agent.notify;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.jspecify.annotations.Nullable;

/**
 * An {@code SmtpNotifier} mails a notification as plain text, with the subject {@code [plumb] <target> is
 * <status>}, through an SMTP server, using Jakarta Mail with Eclipse Angus Mail as the SMTP implementation.
 */
public final class SmtpNotifier implements Notifier {

    private final SmtpChannel channel;
    private final @Nullable String password;
    private final Session session;

    /**
     * Creates a notifier.
     *
     * @param channel the server, sender and recipients
     * @param password the login's password, or null when the channel has no user
     * @param timeout the connect, read and write timeout
     */
    public SmtpNotifier(SmtpChannel channel, @Nullable String password, Duration timeout) {
        this.channel = channel;
        this.password = password;
        Properties props = new Properties();
        String millis = Long.toString(timeout.toMillis());
        props.setProperty("mail.smtp.host", channel.host());
        props.setProperty("mail.smtp.port", Integer.toString(channel.port()));
        props.setProperty("mail.smtp.connectiontimeout", millis);
        props.setProperty("mail.smtp.timeout", millis);
        props.setProperty("mail.smtp.writetimeout", millis);
        props.setProperty("mail.smtp.auth", Boolean.toString(channel.user() != null));
        // STARTTLS whenever the server offers it, so that a login is not sent in the clear when it need not be.
        props.setProperty("mail.smtp.starttls.enable", "true");
        props.setProperty("mail.smtp.starttls.required", Boolean.toString(channel.startTls()));
        this.session = Session.getInstance(props);
    }

    @Override
    public void send(Notification n) throws NotifyException {
        MimeMessage message = new MimeMessage(session);
        try {
            message.setFrom(new InternetAddress(channel.from(), true));
            for (String to : channel.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
            }
        } catch (AddressException e) {
            throw NotifyException.permanent(where() + ": bad address: " + e.getMessage(), e);
        } catch (MessagingException e) {
            throw NotifyException.permanent(where() + ": " + firstLine(e), e);
        }
        try {
            message.setSubject(subject(n), StandardCharsets.UTF_8.name());
            message.setText(text(n), StandardCharsets.UTF_8.name());
            message.setHeader(WebhookNotifier.DELIVERY_HEADER, n.id());
            message.setHeader(WebhookNotifier.EVENT_HEADER, n.kind());
            message.setSentDate(Date.from(n.time()));
            if (channel.user() != null) {
                Transport.send(message, channel.user(), password);
            } else {
                Transport.send(message);
            }
        } catch (MessagingException e) {
            throw classify(e);
        }
    }

    /** Returns the subject line: {@code [plumb] <target> is <status>}. */
    public static String subject(Notification n) {
        return "[plumb] " + (n.kind().equals(Notification.TEST) ? "test: " : "") + n.target() + " is " + n.status();
    }

    /** Returns the plain-text body. */
    public static String text(Notification n) {
        StringBuilder out = new StringBuilder();
        out.append(n.headline()).append(".\n\n");
        out.append("Target:          ").append(n.target()).append('\n');
        out.append("Status:          ").append(n.status()).append('\n');
        out.append("Previous status: ").append(orNone(n.previousStatus())).append('\n');
        out.append("Current version: ").append(orNone(n.currentVersion())).append('\n');
        out.append("Latest version:  ").append(orNone(n.latestVersion())).append('\n');
        out.append("Pending files:   ").append(n.pendingFiles()).append('\n');
        out.append("Time:            ").append(n.time()).append('\n');
        if (n.message() != null) {
            out.append('\n').append(n.message()).append('\n');
        }
        if (n.link() != null) {
            out.append('\n').append(n.link()).append('\n');
        }
        out.append("\n-- \nSent by plumb agent. Delivery ").append(n.id()).append('\n');
        return out.toString();
    }

    private NotifyException classify(MessagingException e) {
        if (e instanceof AuthenticationFailedException) {
            return NotifyException.permanent(
                    where() + ": login as \"" + channel.user() + "\" refused: " + firstLine(e), e);
        }
        String text = String.valueOf(e.getMessage());
        if (text.contains("STARTTLS is required")) {
            return NotifyException.permanent(
                    where() + ": the channel requires STARTTLS, which the server does not offer", e);
        }
        Integer code = replyCode(e);
        if (code != null) {
            String message = where() + ": server answered " + firstLine(e);
            return code >= 400 && code < 500
                    ? NotifyException.retryable(message, e)
                    : NotifyException.permanent(message, e);
        }
        // Anything else is a connection that failed or timed out; the next attempt may reach the server.
        Throwable cause = e.getCause();
        String detail = cause instanceof IOException ? cause.toString() : firstLine(e);
        return NotifyException.retryable(where() + ": " + detail, e);
    }

    private static @Nullable Integer replyCode(MessagingException e) {
        Exception next = e;
        while (next != null) {
            if (next instanceof SMTPSendFailedException failed) {
                return failed.getReturnCode();
            }
            if (next instanceof SMTPAddressFailedException failed) {
                return failed.getReturnCode();
            }
            next = next instanceof MessagingException m ? m.getNextException() : null;
        }
        return e instanceof SendFailedException ? 550 : null;
    }

    private String where() {
        return "smtp " + channel.host() + ":" + channel.port();
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.strip().lines().findFirst().orElse(message);
    }

    private static String orNone(@Nullable String value) {
        return value == null ? "none" : value;
    }
}
