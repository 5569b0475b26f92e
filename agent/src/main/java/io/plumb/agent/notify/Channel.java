package io.plumb.agent.notify;

/**
 * A {@code Channel} is the configuration of one place notifications go: a webhook, a Slack incoming webhook, or
 * email. It holds the names of the environment variables with secrets, never the secrets; its {@code toString()}
 * masks the tokens a URL carries.
 */
public sealed interface Channel permits WebhookChannel, SlackChannel, SmtpChannel {

    /** Returns the channel's name in the agent's configuration. */
    String name();
}
