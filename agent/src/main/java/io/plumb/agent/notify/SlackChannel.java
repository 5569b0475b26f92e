package io.plumb.agent.notify;

import java.net.URI;

/**
 * A {@code SlackChannel} posts each notification to a Slack incoming webhook. The webhook's path is its token:
 * it is masked whenever the channel is printed.
 *
 * @param name the channel's name
 * @param url the incoming webhook's URL, such as {@code https://hooks.slack.com/services/T0/B0/XXXX}
 */
public record SlackChannel(String name, URI url) implements Channel {

    public SlackChannel {
        Urls.requireHttp(name, url);
    }

    @Override
    public String toString() {
        return "SlackChannel[name=" + name + ", url=" + Urls.mask(url) + "]";
    }
}
