package io.plumb.agent;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An {@code AgentConfig} is the evaluated configuration of one agent: where it keeps its state, what it watches,
 * where it notifies and where it listens.
 *
 * @param file the configuration file, relative paths in it resolve against its directory
 * @param store the store URL ({@code sqlite://agent.db} by default, or a PostgreSQL URL)
 * @param concurrency how many checks run at once
 * @param lease how long a claimed target stays leased to this agent before another may take it
 * @param listen the address the HTTP server binds, {@code host:port}; empty for no server
 * @param token the bearer token the HTTP server requires, when set
 * @param targets the targets
 * @param channels the notification channels
 * @param secrets every literal secret of the configuration, masked wherever a message might quote one
 * @param poll how often the agent looks for due targets and due notifications
 * @param backoff how long a failed notification waits before its next attempt
 * @param publicUrl the dashboard's address as receivers reach it, for links in notifications
 */
public record AgentConfig(
        Path file,
        String store,
        int concurrency,
        Duration lease,
        Optional<String> listen,
        Optional<String> token,
        List<Target> targets,
        List<ChannelConfig> channels,
        List<String> secrets,
        Duration poll,
        io.plumb.agent.notify.Backoff backoff,
        Optional<String> publicUrl) {

    public AgentConfig {
        targets = List.copyOf(targets);
        channels = List.copyOf(channels);
        secrets = List.copyOf(secrets);
    }

    /** Returns the directory relative paths resolve against. */
    public Path directory() {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? Path.of("/") : parent;
    }

    /** Returns the text with URL passwords and every configured secret replaced by {@code xxxxx}. */
    public String mask(String text) {
        String masked = io.plumb.engine.db.DatabaseUrl.redact(text);
        for (String secret : secrets) {
            if (!secret.isEmpty()) {
                masked = masked.replace(secret, "xxxxx");
            }
        }
        return masked;
    }
}
