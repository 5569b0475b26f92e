package io.plumb.agent.notify;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** {@code Notifiers} makes the {@link Notifier} for a configured {@link Channel}, reading its secrets. */
public final class Notifiers {

    /** How long a send waits to connect and for an answer, unless told otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    private Notifiers() {}

    /** Returns the notifier for a channel with the default timeout. */
    public static Notifier create(Channel channel, Environment env) {
        return create(channel, env, DEFAULT_TIMEOUT);
    }

    /**
     * Returns the notifier for a channel.
     *
     * @param channel the channel's configuration
     * @param env where the secrets the channel names are read
     * @param timeout how long a send waits to connect and for an answer
     * @throws IllegalArgumentException when an environment variable the channel names is not set or empty
     */
    public static Notifier create(Channel channel, Environment env, Duration timeout) {
        if (channel instanceof WebhookChannel webhook) {
            String secret =
                    webhook.secretEnv() == null ? null : secret(channel, "secret_env", webhook.secretEnv(), env);
            return new WebhookNotifier(
                    HttpDelivery.client(timeout),
                    webhook.url(),
                    secret == null ? null : secret.getBytes(StandardCharsets.UTF_8),
                    timeout);
        }
        if (channel instanceof SlackChannel slack) {
            return new SlackNotifier(HttpDelivery.client(timeout), slack.url(), timeout);
        }
        SmtpChannel smtp = (SmtpChannel) channel;
        String password = smtp.passwordEnv() == null ? null : secret(channel, "password_env", smtp.passwordEnv(), env);
        return new SmtpNotifier(smtp, password, timeout);
    }

    /** Returns the channel's URL or server with its tokens masked, for logs and the CLI. */
    public static String describe(Channel channel) {
        if (channel instanceof WebhookChannel webhook) {
            return "webhook " + Urls.mask(webhook.url());
        }
        if (channel instanceof SlackChannel slack) {
            return "slack " + Urls.mask(slack.url());
        }
        SmtpChannel smtp = (SmtpChannel) channel;
        return "smtp " + smtp.host() + ":" + smtp.port() + " to " + String.join(", ", smtp.to());
    }

    private static String secret(Channel channel, String attribute, String variable, Environment env) {
        @Nullable String value = env.lookup(variable);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("channel \"" + channel.name() + "\": " + attribute
                    + " names environment variable " + variable + ", which is not set");
        }
        return value;
    }
}
