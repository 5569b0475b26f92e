package io.plumb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumb.engine.db.Database;
import io.plumb.engine.devdb.EmbeddedServers;
import io.plumb.engine.devdb.IsolatedDatabase;
import io.plumb.engine.devdb.Isolation;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Kills {@code plumb migrate apply} (SIGKILL, a child JVM) at random moments and resumes it, on SQLite and on this
 * JVM's embedded PostgreSQL and MariaDB, which outlive the killed process: no statement may run twice (every file
 * writes two rows to a log table, whose count proves it), none may be lost, and the final schema must equal an
 * uninterrupted apply's.
 *
 * <p>The kills are drawn from a fixed seed, shown in each test's name: a failure reruns the same way.
 */
class KillResumeTest {

    private static final int FILES = 36;
    private static final int KILLS = 20;
    private static final long SEED = 19_2026L;

    // One isolation per server for the class; each holds a connection to it.
    private static final Map<String, Isolation> ISOLATIONS = new HashMap<>();

    @TempDir
    Path root;

    private final List<IsolatedDatabase> databases = new ArrayList<>();

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("sqlite", "none", SEED),
                Arguments.of("postgres", "file", SEED + 1),
                Arguments.of("postgres", "all", SEED + 2),
                Arguments.of("postgres", "none", SEED + 3),
                Arguments.of("mariadb", "file", SEED + 4),
                Arguments.of("mariadb", "none", SEED + 5),
                Arguments.of("sqlite", "file", SEED + 6),
                Arguments.of("sqlite", "all", SEED + 7),
                Arguments.of("mariadb", "all", SEED + 8));
    }

    @AfterEach
    void drop() {
        databases.forEach(IsolatedDatabase::close);
    }

    @AfterAll
    static void closeIsolations() {
        synchronized (ISOLATIONS) {
            ISOLATIONS.values().forEach(Isolation::close);
            ISOLATIONS.clear();
        }
    }

    @ParameterizedTest(name = "{0} --tx-mode {1}, seed {2}")
    @MethodSource("runs")
    void aKilledApplyResumesWithoutRepeatingOrLosingAStatement(String dialect, String mode, long seed)
            throws Exception {
        writeDirectory(dialect, mode);
        Random random = new Random(seed);
        int kills = 0;
        int round = 0;
        List<String> history = new ArrayList<>();
        while (kills < KILLS) {
            String url = database(dialect, "round" + round++);
            boolean finished = false;
            while (!finished) {
                Outcome outcome = runAndKill(url, mode, random);
                history.add(outcome.describe());
                if (!outcome.killed()) {
                    assertThat(outcome.exitCode())
                            .as("a run ended on its own after %s; stderr: %s", history, outcome.err())
                            .isZero();
                }
                if (outcome.killed()) {
                    kills++;
                }
                finished = !outcome.killed() || kills == KILLS;
            }
            // The last resume runs to the end in this process.
            CliRun resume = CliRun.of(root, root, "migrate", "apply", "--url", url, "--tx-mode", mode);
            assertThat(resume.exitCode())
                    .as("resume after %s: %s%s", history, resume.out(), resume.err())
                    .isZero();
            assertComplete(dialect, url, history);
        }
    }

    private void writeDirectory(String dialect, String mode) throws IOException {
        Path dir = Files.createDirectories(root.resolve("migrations"));
        for (int i = 1; i <= FILES; i++) {
            StringBuilder file = new StringBuilder();
            // Every ninth file on PostgreSQL builds an index CONCURRENTLY, which runs outside a transaction.
            boolean concurrently = dialect.equals("postgres") && !mode.equals("all") && i % 9 == 0;
            if (concurrently) {
                file.append("-- atlas:txmode none\n\n");
            }
            if (i == 1) {
                file.append("CREATE TABLE log (v int NOT NULL, step varchar(8) NOT NULL);\n");
            }
            file.append("CREATE TABLE t" + i + " (id int NOT NULL);\n");
            file.append("INSERT INTO log (v, step) VALUES (" + i + ", 'a');\n");
            file.append("ALTER TABLE t" + i + " ADD COLUMN c" + i + " int;\n");
            file.append("INSERT INTO log (v, step) VALUES (" + i + ", 'b');\n");
            if (concurrently) {
                file.append("CREATE INDEX CONCURRENTLY i" + i + " ON t" + i + " (id);\n");
            }
            Files.writeString(dir.resolve(String.format("%03d_step.sql", i)), file.toString());
        }
        assertThat(CliRun.of(root, root, "migrate", "hash").exitCode()).isZero();
    }

    /** A child run's end: killed by the test, or its exit code. */
    private record Outcome(boolean killed, int exitCode, int statements, int delayMillis, String err) {
        String describe() {
            return killed ? "killed after " + statements + " statements + " + delayMillis + " ms" : "done";
        }
    }

    /** Starts {@code plumb migrate apply} and kills it after a random number of statements and milliseconds. */
    private Outcome runAndKill(String url, String mode, Random random) throws IOException, InterruptedException {
        int statements = random.nextInt(8) == 0 ? 0 : random.nextInt(14);
        int delay = random.nextInt(12);
        Path err = root.resolve("child.err");
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-cp",
                System.getProperty("java.class.path"),
                Plumb.class.getName(),
                "migrate",
                "apply",
                "--url",
                url,
                "--tx-mode",
                mode);
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(root.toFile()).redirectError(err.toFile());
        builder.environment().put("TMPDIR", root.toString());
        Process child = builder.start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            int seen = -1;
            String line;
            while (seen < statements && (line = out.readLine()) != null) {
                if (line.startsWith("Migrating to version") && seen < 0) {
                    seen = 0;
                } else if (line.startsWith("    -> ")) {
                    seen++;
                }
            }
            if (seen >= statements) {
                Thread.sleep(delay);
                child.destroyForcibly();
            }
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).isTrue();
            // Killed by the test (SIGKILL: 137), or ended on its own first.
            boolean killed = seen >= statements && child.exitValue() == 137;
            return new Outcome(killed, child.exitValue(), statements, delay, Files.readString(err));
        } finally {
            child.destroyForcibly();
        }
    }

    private String database(String dialect, String name) throws IOException {
        if (dialect.equals("sqlite")) {
            return "sqlite://" + root.resolve(name + ".db");
        }
        IsolatedDatabase db = isolation(dialect).fresh();
        databases.add(db);
        return db.url();
    }

    private Isolation isolation(String dialect) {
        synchronized (ISOLATIONS) {
            return ISOLATIONS.computeIfAbsent(
                    dialect,
                    d -> Isolation.open(
                            d.equals("postgres") ? EmbeddedServers.postgres() : EmbeddedServers.mariadb(),
                            Path.of(".")));
        }
    }

    private void assertComplete(String dialect, String url, List<String> history) throws IOException, SQLException {
        try (Database db = Database.open(url, root)) {
            assertThat(count(db, "SELECT count(*) FROM log"))
                    .as("log rows after %s", history)
                    .isEqualTo(2L * FILES);
            assertThat(count(db, "SELECT count(*) FROM (SELECT DISTINCT v, step FROM log) d"))
                    .as("distinct log rows after %s", history)
                    .isEqualTo(2L * FILES);
        }
        String reference = database(dialect, "reference");
        assertThat(CliRun.of(root, root, "migrate", "apply", "--url", reference).exitCode())
                .isZero();
        CliRun diff = CliRun.of(root, root, "schema", "diff", "--from", reference, "--to", url);
        assertThat(diff.out() + diff.err())
                .as("the resumed schema against an uninterrupted apply, after %s", history)
                .isEqualTo("Schemas are synced, no changes to be made.\n");
        CliRun again = CliRun.of(root, root, "migrate", "apply", "--url", url);
        assertThat(again.out()).as("after %s", history).contains("No migration files to execute");
    }

    private static long count(Database db, String sql) throws SQLException {
        try (Statement statement = db.connection().createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
