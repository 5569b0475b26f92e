package io.plumb.bench;

import io.plumb.agent.Agent;
import io.plumb.agent.AgentConfig;
import io.plumb.agent.ChannelSetup;
import io.plumb.agent.ConfigReader;
import io.plumb.agent.DriftChecker;
import io.plumb.agent.store.JdbcStore;
import io.plumb.agent.store.TargetState;
import io.plumb.engine.db.Database;
import io.plumb.engine.db.DatabaseUrl;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.migrate.ApplyListener;
import io.plumb.engine.migrate.ApplyOptions;
import io.plumb.engine.migrate.MigrationDir;
import io.plumb.engine.migrate.Migrator;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code AgentBench} runs the agent's checks over many targets once: 1,000 SQLite tenant databases of one migration
 * directory at a few versions, then 200 databases on one embedded PostgreSQL. It prints checks per second, the peak
 * heap, the statuses, and how many times a directory was replayed (each distinct version once is the goal), next to
 * the issue's target of 1,000 SQLite tenants in under 60 seconds.
 */
public final class AgentBench {

    private static final int FILES = 6;
    private static final int[] SQLITE_VERSIONS = {4, 5, 6};
    private static final int[] POSTGRES_VERSIONS = {5, 6};

    private AgentBench() {}

    /** Runs the bench; optional arguments: SQLite tenants (1000), PostgreSQL databases (200), concurrency (4). */
    public static void main(String[] args) {
        int status = 0;
        try {
            run(args);
        } catch (IOException | SQLException | RuntimeException e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    private static void run(String[] args) throws IOException, SQLException {
        int sqlite = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int postgres = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        PrintStream out = System.out;
        Path work = Files.createTempDirectory(
                Path.of(System.getProperty("plumb.bench.workRoot", System.getProperty("java.io.tmpdir"))),
                "plumb-agent-bench");
        Path dir = work.resolve("migrations");
        Files.createDirectories(dir);
        for (int i = 1; i <= FILES; i++) {
            Files.writeString(
                    dir.resolve(String.format("202601%02d000000_step%d.sql", i, i)),
                    "CREATE TABLE t" + i + " (id integer PRIMARY KEY, name varchar(50) NOT NULL, ref integer);\n"
                            + "CREATE INDEX t" + i + "_name ON t" + i + " (name);\n");
        }
        MigrationDir.open("file://" + dir, work).rehash();
        out.printf(
                "workload: %d migration files; %d SQLite tenants at versions %s; %d PostgreSQL databases at %s;"
                        + " concurrency %d%n",
                FILES,
                sqlite,
                java.util.Arrays.toString(SQLITE_VERSIONS),
                postgres,
                java.util.Arrays.toString(POSTGRES_VERSIONS),
                concurrency);

        StringBuilder sqliteTargets = new StringBuilder();
        for (int v : SQLITE_VERSIONS) {
            apply("sqlite://" + work.resolve("template" + v + ".db"), dir, work, v);
        }
        for (int i = 0; i < sqlite; i++) {
            int v = SQLITE_VERSIONS[i % SQLITE_VERSIONS.length];
            Files.copy(work.resolve("template" + v + ".db"), work.resolve("tenant" + i + ".db"));
            sqliteTargets
                    .append("target \"tenant")
                    .append(i)
                    .append("\" {\n  url = \"sqlite://tenant")
                    .append(i)
                    .append(".db\"\n  dir = \"file://migrations\"\n}\n");
        }
        Leg sqliteLeg = measure("sqlite", work, sqliteTargets.toString(), concurrency, Map.of());
        out.println(sqliteLeg.describe(sqlite, SQLITE_VERSIONS.length, "target: 1,000 SQLite tenants in under 60 s"));

        if (postgres > 0) {
            String server = EmbeddedServers.postgres();
            DatabaseUrl parsed = DatabaseUrl.parse(server);
            String password = parsed.loginPassword().orElse("");
            for (int v : POSTGRES_VERSIONS) {
                admin(server, "DROP DATABASE IF EXISTS bench_template" + v + " WITH (FORCE)");
                admin(server, "CREATE DATABASE bench_template" + v);
                apply(at(server, "bench_template" + v), dir, work, v);
            }
            StringBuilder pgTargets = new StringBuilder();
            for (int i = 0; i < postgres; i++) {
                int v = POSTGRES_VERSIONS[i % POSTGRES_VERSIONS.length];
                admin(server, "DROP DATABASE IF EXISTS bench_tenant" + i + " WITH (FORCE)");
                admin(server, "CREATE DATABASE bench_tenant" + i + " TEMPLATE bench_template" + v);
                pgTargets
                        .append("target \"pg")
                        .append(i)
                        .append("\" {\n  url = \"")
                        .append(at(server, "bench_tenant" + i).replace(":" + password + "@", "@"))
                        .append("\"\n  password = getenv(\"PG_PW\")\n  dir = \"file://migrations\"\n")
                        .append("  dev = \"embedded://postgres/17/bench_agent_dev\"\n}\n");
            }
            Leg pgLeg = measure("postgres", work, pgTargets.toString(), concurrency, Map.of("PG_PW", password));
            out.println(pgLeg.describe(postgres, POSTGRES_VERSIONS.length, "no target set"));
        }
        out.printf("peak heap: %d MiB (all memory pools of heap type, peak usage summed)%n", peakHeapMiB());
    }

    private record Leg(String name, double seconds, long replays, Map<String, Integer> statuses) {
        String describe(int targets, int versions, String target) {
            return String.format(
                    "%-8s %5d targets checked once in %6.1f s: %6.1f checks/s; statuses %s; replays %d (distinct"
                            + " versions %d); %s",
                    name, targets, seconds, targets / seconds, statuses, replays, versions, target);
        }
    }

    private static Leg measure(String name, Path work, String targets, int concurrency, Map<String, String> env)
            throws IOException {
        Path file = work.resolve("agent-" + name + ".hcl");
        Files.writeString(
                file,
                "agent {\n  store = \"sqlite://agent-" + name + ".db\"\n  concurrency = " + concurrency + "\n}\n"
                        + targets);
        AgentConfig config = ConfigReader.read(file, env::get);
        DriftChecker checker = new DriftChecker(config.directory());
        long t0 = System.nanoTime();
        Map<String, Integer> statuses = new TreeMap<>();
        try (Agent agent = new Agent(
                config,
                JdbcStore.open(config.store(), config.directory()),
                checker,
                ChannelSetup.notifiers(config.channels()),
                new PrintWriter(Writer.nullWriter()))) {
            agent.runOnce();
            double seconds = (System.nanoTime() - t0) / 1e9;
            List<TargetState> states = agent.store().targets();
            states.forEach(s -> statuses.merge(s.status().orElse("unknown"), 1, Integer::sum));
            long wrong = states.stream().filter(s -> s.checks() != 1).count();
            if (wrong > 0) {
                throw new IllegalStateException(wrong + " target(s) were not checked exactly once");
            }
            return new Leg(name, seconds, checker.replays(), statuses);
        }
    }

    private static void apply(String url, Path dir, Path work, int amount) {
        try (Database db = Database.open(url, work)) {
            new Migrator(
                            db,
                            MigrationDir.open("file://" + dir, work),
                            ApplyOptions.defaults("bench").withAmount(amount))
                    .apply(new ApplyListener() {});
        }
    }

    private static void admin(String server, String sql) throws SQLException {
        try (Database db = Database.open(server, Path.of("."));
                Statement s = db.connection().createStatement()) {
            s.execute(sql);
        }
    }

    private static String at(String server, String name) {
        int query = server.indexOf('?');
        String base = server.substring(0, server.indexOf('/', server.indexOf("://") + 3));
        return base + "/" + name + (query >= 0 ? server.substring(query) : "");
    }

    private static long peakHeapMiB() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak >> 20;
    }
}
