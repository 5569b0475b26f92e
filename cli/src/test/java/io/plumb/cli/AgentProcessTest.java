package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.plumb.agent.store.JdbcStore;
import io.plumb.agent.store.Store;
import io.plumb.agent.store.TargetState;
import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Agents as real processes ({@code plumb agent} in child JVMs): two sharing one PostgreSQL store split the targets,
 * one killed with SIGKILL leaves its targets to the other once its leases expire, and an agent killed mid-cycle and
 * restarted loses no notification.
 */
class AgentProcessTest {

    private static final int TARGETS = 24;

    @TempDir
    Path root;

    private final List<Process> children = new ArrayList<>();

    @Test
    void twoAgentsSplitTheTargetsWithoutDoubleWork() throws Exception {
        String store = storeDatabase("agent_split");
        List<String> names = targets();
        Path config = config(storeSettings(store) + "\n  concurrency = 2\n  lease_seconds = 60", "");
        try (Store view = JdbcStore.open(store, root)) {
            // Registered as not due, so that both agents are up before any target is.
            view.register(names, Instant.now().plus(Duration.ofDays(300)));
            Process a = start(config, "a");
            Process b = start(config, "b");
            awaitStarted("a");
            awaitStarted("b");
            view.makeDue(List.of(), Instant.now());
            await(view, states -> states.stream().allMatch(s -> s.checks() >= 1));
            stop(a);
            stop(b);
            List<TargetState> states = view.targets();
            assertThat(states).hasSize(TARGETS).allSatisfy(s -> {
                assertThat(s.checks()).as(s.name()).isEqualTo(1);
                assertThat(s.status()).as(s.name()).contains("pending");
                assertThat(s.leaseOwner()).as(s.name()).isEmpty();
            });
            Set<String> owners = new HashSet<>();
            states.forEach(s -> owners.add(s.checkedBy().orElseThrow()));
            assertThat(owners).as("the agents that checked targets").hasSize(2);
        }
    }

    @Test
    void aKilledAgentsTargetsAreTakenOverAfterItsLeasesExpire() throws Exception {
        String store = storeDatabase("agent_takeover");
        List<String> names = targets();
        Path config = config(storeSettings(store) + "\n  concurrency = 1\n  lease_seconds = 4", "");
        try (Store view = JdbcStore.open(store, root)) {
            view.register(names, Instant.now().plus(Duration.ofDays(300)));
            // Kill an agent mid-cycle while it holds a lease. It may finish a check and release its lease between
            // the moment the test sees the lease and the kill; then the cycle is started again with a new agent.
            List<TargetState> orphans = List.of();
            for (int attempt = 1; orphans.isEmpty(); attempt++) {
                assertThat(attempt)
                        .as("attempts to kill an agent holding a lease")
                        .isLessThanOrEqualTo(5);
                Process a = start(config, "a" + attempt);
                awaitStarted("a" + attempt);
                view.makeDue(List.of(), Instant.now());
                await(view, states -> states.stream()
                        .anyMatch(s -> s.leaseOwner().isPresent()));
                a.destroyForcibly();
                assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
                orphans = view.targets().stream()
                        .filter(s -> s.leaseOwner().isPresent())
                        .toList();
            }
            Map<String, Long> checksAtKill = new HashMap<>();
            orphans.forEach(o -> checksAtKill.put(o.name(), o.checks()));

            Process b = start(config, "b");
            List<TargetState> states = await(
                    view,
                    all -> all.stream().allMatch(s -> s.checks() >= 1)
                            && all.stream()
                                    .filter(s -> checksAtKill.containsKey(s.name()))
                                    .allMatch(s -> s.checks() > checksAtKill.getOrDefault(s.name(), Long.MAX_VALUE)));
            stop(b);
            for (TargetState orphan : orphans) {
                TargetState now = states.stream()
                        .filter(s -> s.name().equals(orphan.name()))
                        .findFirst()
                        .orElseThrow();
                assertThat(now.checkedBy()).as(orphan.name()).isNotEqualTo(orphan.leaseOwner());
                assertThat(now.checkedAt().orElseThrow())
                        .as("taken over only after the lease expired")
                        .isAfterOrEqualTo(orphan.leaseUntil().orElseThrow());
                assertThat(now.leaseOwner()).as(orphan.name()).isEmpty();
            }
        }
    }

    @Test
    void anAgentKilledMidCycleAndRestartedLosesNoNotification() throws Exception {
        targets();
        List<String> bodies = new ArrayList<>();
        HttpServer receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            try (exchange) {
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                synchronized (bodies) {
                    bodies.add(body);
                }
                exchange.sendResponseHeaders(204, -1);
            }
        });
        receiver.start();
        try {
            String hook = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
            Path config = config(
                    "store = \"sqlite://agent.db\"\n  concurrency = 1",
                    "notify \"webhook\" \"ops\" {\n  url = \"" + hook + "\"\n}\n");
            Process a = start(config, "a");
            try (Store view = JdbcStore.open("sqlite://agent.db", root)) {
                await(
                        view,
                        states -> states.stream().filter(s -> s.checks() >= 1).count() >= 3);
                a.destroyForcibly();
                assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
                assertThat(view.targets().stream().filter(s -> s.checks() == 0)).isNotEmpty();
            }
            Process once = start(config, "once", "--once");
            assertThat(once.waitFor(120, TimeUnit.SECONDS)).isTrue();
            Map<String, Set<String>> idsByTarget = new HashMap<>();
            Pattern fields = Pattern.compile("\"id\":\"([^\"]+)\".*\"name\":\"([^\"]+)\"");
            synchronized (bodies) {
                for (String body : bodies) {
                    Matcher m = fields.matcher(body);
                    assertThat(m.find()).as(body).isTrue();
                    idsByTarget
                            .computeIfAbsent(m.group(2), k -> new HashSet<>())
                            .add(m.group(1));
                }
            }
            // Every target went from unknown to pending once: one notification each, none lost, none made twice.
            assertThat(idsByTarget).hasSize(TARGETS);
            assertThat(idsByTarget.values()).allSatisfy(ids -> assertThat(ids).hasSize(1));
        } finally {
            receiver.stop(0);
            children.forEach(Process::destroyForcibly);
        }
    }

    /** Writes TARGETS SQLite databases at the first of two versions, and the directory. */
    private List<String> targets() throws IOException {
        Path dir = root.resolve("migrations");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("20260101000000_users.sql"), "CREATE TABLE users (id INTEGER PRIMARY KEY);\n");
        Files.writeString(dir.resolve("20260102000000_email.sql"), "ALTER TABLE users ADD COLUMN email TEXT;\n");
        MigrationDir migrations = MigrationDir.open("file://" + dir, root);
        migrations.rehash();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < TARGETS; i++) {
            String name = String.format("tenant%02d", i);
            names.add(name);
            try (Database db = Database.open("sqlite://" + root.resolve(name + ".db"), root)) {
                new Migrator(db, migrations, ApplyOptions.defaults("test").withAmount(1)).apply(new ApplyListener() {});
            }
        }
        return names;
    }

    private Path config(String agentSettings, String extra) throws IOException {
        StringBuilder text = new StringBuilder("agent {\n  " + agentSettings + "\n  listen = \"\"\n  poll_ms = 100\n"
                + "  schedule = \"0 0 1 1 *\"\n}\n");
        for (int i = 0; i < TARGETS; i++) {
            String name = String.format("tenant%02d", i);
            text.append("target \"")
                    .append(name)
                    .append("\" {\n  url = \"sqlite://")
                    .append(name)
                    .append(".db\"\n  dir = \"file://migrations\"\n}\n");
        }
        text.append(extra);
        Path file = root.resolve("agent.hcl");
        Files.writeString(file, text);
        return file;
    }

    // The store's password comes from the environment, as the agent requires.
    private String storeSettings(String url) {
        String password =
                io.plumb.engine.db.DatabaseUrl.parse(url).loginPassword().orElseThrow();
        storePassword = password;
        return "store = \"" + url.replace(":" + password + "@", "@") + "\"\n  store_password = getenv(\"STORE_PW\")";
    }

    private String storePassword = "";

    private Process start(Path config, String name, String... more) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Plumb.class.getName(),
                "agent",
                "--config",
                config.toString()));
        command.addAll(List.of(more));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(root.toFile())
                .redirectError(root.resolve(name + ".err").toFile())
                .redirectOutput(root.resolve(name + ".out").toFile());
        builder.environment().put("TMPDIR", root.toString());
        builder.environment().put("STORE_PW", storePassword);
        Process child = builder.start();
        children.add(child);
        return child;
    }

    private void awaitStarted(String name) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        Path err = root.resolve(name + ".err");
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(err) && Files.readString(err).contains("event=start")) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("agent " + name + " did not start: " + Files.readString(err));
    }

    private static List<TargetState> await(Store view, Predicate<List<TargetState>> done) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(180));
        List<TargetState> last = List.of();
        while (Instant.now().isBefore(deadline)) {
            last = view.targets();
            if (!last.isEmpty() && done.test(last)) {
                return last;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the store did not reach the state by the deadline: " + last);
    }

    /** Sends SIGTERM and waits: the agent finishes its checks and releases its leases. */
    private static void stop(Process agent) throws InterruptedException {
        agent.destroy();
        assertThat(agent.waitFor(60, TimeUnit.SECONDS)).isTrue();
    }

    private static String storeDatabase(String name) throws Exception {
        String server = EmbeddedServers.postgres();
        try (Database db = Database.open(server, Path.of("."));
                Statement s = db.connection().createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + name);
        }
        int query = server.indexOf('?');
        String base = server.substring(0, server.indexOf('/', server.indexOf("://") + 3));
        return base + "/" + name + (query >= 0 ? server.substring(query) : "");
    }
}
