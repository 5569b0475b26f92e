package io.plumb.cli;

import io.plumb.agent.Agent;
import io.plumb.agent.AgentConfig;
import io.plumb.agent.ChannelSetup;
import io.plumb.agent.ConfigReader;
import io.plumb.agent.DriftChecker;
import io.plumb.agent.server.ApiServer;
import io.plumb.agent.store.JdbcStore;
import io.plumb.agent.store.Store;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * An {@code AgentCommand} is {@code plumb agent}: it watches the configured databases for drift on a schedule,
 * keeps their state in its store, notifies on a change of status, and serves the API and dashboard.
 */
@Command(
        name = "agent",
        header = "Watch databases for drift, notify on changes, and serve a dashboard.",
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "",
            "Runs until SIGTERM: it checks every due target with bounded concurrency, records its status (synced,"
                    + " pending, drifted, error) in the store, notifies the configured channels on a change of"
                    + " status, and serves the JSON API, /metrics and the dashboard. One log line per check goes to"
                    + " standard error. With --once it checks every target once, delivers what it can, and exits:"
                    + " 0 when every target is synced or pending, 1 otherwise.",
            "",
            "The configuration is described in agent/README.md.",
            ""
        })
final class AgentCommand implements Callable<Integer> {

    private final CliEnvironment env;

    @Spec
    @SuppressWarnings("NullAway.Init") // injected by picocli before call()
    CommandSpec spec;

    // Not required to picocli, which would then demand it before the notify-test subcommand too.
    @Option(names = "--config", paramLabel = "FILE", description = "The agent's HCL configuration (required).")
    @Nullable
    String config;

    @Option(names = "--once", description = "Check every target once, deliver notifications, and exit.")
    boolean once;

    AgentCommand(CliEnvironment env) {
        this.env = env;
    }

    static AgentConfig read(CliEnvironment env, String file) {
        Path path = env.workingDirectory().resolve(file);
        return ConfigReader.read(path, env.environment()::get);
    }

    @Override
    public Integer call() throws InterruptedException {
        String file = config;
        if (file == null) {
            throw Flags.missing(spec, "config");
        }
        AgentConfig settings = read(env, file);
        Store store = JdbcStore.open(settings.store(), settings.directory());
        Agent agent = new Agent(
                settings,
                store,
                new DriftChecker(settings.directory()),
                ChannelSetup.notifiers(settings.channels()),
                env.err());
        if (once) {
            try (agent) {
                boolean reached = agent.runOnce();
                long bad = agent.store().targets().stream()
                        .filter(t -> t.status().orElse("error").equals("error")
                                || t.status().orElse("").equals("drifted"))
                        .count();
                env.out().println(OnceSummary.of(agent.store().targets()));
                return reached && bad == 0 ? 0 : 1;
            }
        }
        String listen = settings.listen().orElse("127.0.0.1:9191");
        Optional<ApiServer> server =
                listen.isEmpty() ? Optional.empty() : Optional.of(ApiServer.start(agent, listen, settings.token()));
        server.ifPresent(s -> {
            env.err().println("plumb agent: listening on http://" + hostOf(listen) + ":" + s.port());
            env.err().flush();
        });
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            server.ifPresent(ApiServer::close);
            agent.close();
            stopped.countDown();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        agent.start();
        stopped.await();
        return 0;
    }

    private static String hostOf(String listen) {
        int colon = listen.lastIndexOf(':');
        return colon <= 0 ? "127.0.0.1" : listen.substring(0, colon);
    }
}
