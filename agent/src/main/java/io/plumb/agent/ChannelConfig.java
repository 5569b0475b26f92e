package io.plumb.agent;

import java.util.List;
import java.util.Map;

/**
 * A {@code ChannelConfig} is one {@code notify "KIND" "NAME" { ... }} block of the agent's configuration, before
 * it becomes a notifier.
 *
 * @param kind {@code webhook}, {@code slack} or {@code smtp}
 * @param name the channel's name, unique in the configuration
 * @param settings the block's string attributes (secrets already resolved from their references)
 * @param lists the block's list attributes, such as {@code to}
 * @param secrets the secret values, masked wherever a message might quote them
 */
public record ChannelConfig(
        String kind, String name, Map<String, String> settings, Map<String, List<String>> lists, List<String> secrets) {

    /** The kinds of channel the agent knows. */
    public static final List<String> KINDS = List.of("webhook", "slack", "smtp");

    public ChannelConfig {
        settings = Map.copyOf(settings);
        lists = Map.copyOf(lists);
        secrets = List.copyOf(secrets);
    }

    /** Returns the text with this channel's secrets replaced by {@code xxxxx}. */
    public String mask(String text) {
        String masked = text;
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, "xxxxx");
            }
        }
        return masked;
    }

    /** Returns a setting, or the fallback. */
    public String setting(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }
}
