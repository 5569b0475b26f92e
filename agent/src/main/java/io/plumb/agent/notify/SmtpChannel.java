package io.plumb.agent.notify;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An {@code SmtpChannel} mails each notification as plain text through an SMTP server.
 *
 * @param name the channel's name
 * @param host the SMTP server's host
 * @param port the SMTP server's port (25, 587 with STARTTLS, ...)
 * @param from the sender address
 * @param to the recipient addresses, at least one
 * @param user the login, or null to send without authentication
 * @param passwordEnv the environment variable holding the password, or null when there is no login
 * @param startTls whether to require STARTTLS before logging in
 */
public record SmtpChannel(
        String name,
        String host,
        int port,
        String from,
        List<String> to,
        @Nullable String user,
        @Nullable String passwordEnv,
        boolean startTls)
        implements Channel {

    public SmtpChannel {
        to = List.copyOf(to);
        if (to.isEmpty()) {
            throw new IllegalArgumentException("channel \"" + name + "\": smtp needs at least one recipient in to");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("channel \"" + name + "\": smtp port must be 1..65535, got " + port);
        }
        if (user != null && passwordEnv == null) {
            throw new IllegalArgumentException(
                    "channel \"" + name + "\": smtp user \"" + user + "\" needs password_env naming its password");
        }
    }
}
