package io.plumb.agent.notify;

import java.net.URI;
import org.jspecify.annotations.Nullable;

/**
 * A {@code WebhookChannel} posts each notification as JSON to a URL, signed when a secret is set.
 *
 * @param name the channel's name
 * @param url the receiver's {@code http} or {@code https} URL
 * @param secretEnv the environment variable holding the HMAC-SHA256 signing secret, or null to send unsigned
 */
public record WebhookChannel(String name, URI url, @Nullable String secretEnv) implements Channel {

    public WebhookChannel {
        Urls.requireHttp(name, url);
    }

    @Override
    public String toString() {
        return "WebhookChannel[name=" + name + ", url=" + Urls.mask(url) + ", secretEnv=" + secretEnv + "]";
    }
}
