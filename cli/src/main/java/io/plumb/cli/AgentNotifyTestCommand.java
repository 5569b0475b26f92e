package io.plumb.cli;

import io.plumb.agent.AgentConfig;
import io.plumb.agent.ChannelSetup;
import io.plumb.agent.notify.Notification;
import io.plumb.agent.notify.Notifier;
import io.plumb.agent.notify.NotifyException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** An {@code AgentNotifyTestCommand} is {@code plumb agent notify-test}: it sends a test message to channels. */
@Command(
        name = "notify-test",
        header = "Send a test notification to the agent's channels.",
        description = {"", "Exits 1 when any channel did not accept the message.", ""})
final class AgentNotifyTestCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Option(names = "--config", paramLabel = "FILE", required = true, description = "The agent's HCL configuration.")
    @SuppressWarnings("NullAway.Init") // required: set by picocli before call()
    String config;

    @Option(names = "--channel", paramLabel = "NAME", description = "Only this channel (all by default).")
    @Nullable
    String channel;

    AgentNotifyTestCommand(CliEnvironment env) {
        this.env = env;
    }

    @Override
    public Integer call() {
        AgentConfig settings = AgentCommand.read(env, config);
        Map<String, Notifier> notifiers = ChannelSetup.notifiers(settings.channels());
        if (channel != null && !notifiers.containsKey(channel)) {
            throw new EngineFailure("no channel named \"" + channel + "\" in " + config);
        }
        if (notifiers.isEmpty()) {
            throw new EngineFailure(config + " configures no notify channel");
        }
        int failed = 0;
        for (Map.Entry<String, Notifier> entry : notifiers.entrySet()) {
            if (channel != null && !entry.getKey().equals(channel)) {
                continue;
            }
            try {
                entry.getValue().send(Notification.test("notify-test", null, Instant.now(env.clock())));
                env.out().println("channel " + entry.getKey() + ": sent");
            } catch (NotifyException e) {
                failed++;
                env.out()
                        .println("channel " + entry.getKey() + ": failed: "
                                + settings.mask(String.valueOf(e.getMessage())));
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
