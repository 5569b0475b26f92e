package io.plumb.agent;

import io.plumb.agent.notify.Channel;
import io.plumb.agent.notify.Environment;
import io.plumb.agent.notify.Notifier;
import io.plumb.agent.notify.Notifiers;
import io.plumb.agent.notify.SlackChannel;
import io.plumb.agent.notify.SmtpChannel;
import io.plumb.agent.notify.WebhookChannel;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ChannelSetup} turns the configuration's {@code notify} blocks into notifiers. The secrets were resolved
 * when the configuration was read; the notifiers look them up by name in an environment of their own.
 */
public final class ChannelSetup {

    private ChannelSetup() {}

    /**
     * Returns a notifier per channel, by name.
     *
     * @throws AgentException naming the channel when its settings are invalid
     */
    public static Map<String, Notifier> notifiers(List<ChannelConfig> configs) {
        Map<String, String> secrets = new HashMap<>();
        Map<String, Channel> channels = new LinkedHashMap<>();
        for (ChannelConfig config : configs) {
            channels.put(config.name(), channel(config, secrets));
        }
        Environment env = secrets::get;
        Map<String, Notifier> notifiers = new LinkedHashMap<>();
        channels.forEach((name, channel) -> notifiers.put(name, Notifiers.create(channel, env)));
        return notifiers;
    }

    private static Channel channel(ChannelConfig config, Map<String, String> secrets) {
        String name = config.name();
        try {
            switch (config.kind()) {
                case "webhook" -> {
                    String secret = config.settings().get("secret");
                    String key = null;
                    if (secret != null) {
                        key = name + ".secret";
                        secrets.put(key, secret);
                    }
                    return new WebhookChannel(name, uri(config), key);
                }
                case "slack" -> {
                    return new SlackChannel(name, uri(config));
                }
                default -> {
                    String password = config.settings().get("password");
                    String key = null;
                    if (password != null) {
                        key = name + ".password";
                        secrets.put(key, password);
                    }
                    return new SmtpChannel(
                            name,
                            config.setting("host", "localhost"),
                            Integer.parseInt(config.setting("port", "25")),
                            config.setting("from", "plumb-agent@localhost"),
                            config.lists().getOrDefault("to", List.of()),
                            config.settings().get("user"),
                            key,
                            Boolean.parseBoolean(config.setting("start_tls", "false")));
                }
            }
        } catch (IllegalArgumentException e) {
            throw new AgentException(
                    "notify \"" + config.kind() + "\" \"" + name + "\": " + config.mask(String.valueOf(e.getMessage())),
                    e);
        }
    }

    private static URI uri(ChannelConfig config) {
        try {
            return new URI(config.setting("url", ""));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("url is not a URL: " + e.getReason(), e);
        }
    }
}
